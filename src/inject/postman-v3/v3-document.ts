// A v3 file as a `yaml` Document, edited in place: the team's comments, key order and quoting survive, and a file
// Postman wrote comes back byte for byte but for what we change.

import { type Document, isMap, isScalar, isSeq, Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { ImsAuthError } from "../../core/errors.js";
import { parseV3YamlDocument } from "../../inputs/postman-v3-folder.js";

export interface V3Document {
  readonly file: string;
  readonly doc: Document;
  readonly root: YAMLMap;
  readonly layout: { readonly indent: number; readonly indentSeq: boolean; readonly crlf: boolean; readonly finalNewline: boolean };
}

export function parseV3Document(text: string, file: string): V3Document {
  const doc = parseV3YamlDocument(text, file);
  if (!isMap(doc.contents))
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} is not a Postman v3 file: its top level is not a map of keys.`);
  const indent = /\n( +)\S/.exec(text)?.[1]?.length ?? 2;
  return {
    file,
    doc,
    root: doc.contents,
    layout: {
      indent: indent >= 1 && indent <= 8 ? indent : 2,
      // `- ` items under their key indented (Postman's way) or level with it.
      indentSeq: !/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text),
      crlf: text.includes("\r\n"),
      finalNewline: text === "" || text.endsWith("\n"),
    },
  };
}

/** The document's text in its own layout; long lines whole, as Postman writes them. */
export function v3DocumentText({ doc, layout }: V3Document): string {
  let text = doc.toString({ lineWidth: 0, minContentWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq });
  if (!layout.finalNewline) text = text.replace(/\n$/, "");
  return layout.crlf ? text.replace(/\n/g, "\r\n") : text;
}

const keyOf = (key: unknown): unknown => (isScalar(key) ? key.value : key);

/** Sets `key`, in its place when present; a new key goes before the first of `before` that is present, else last. */
export function setKey(document: V3Document, key: string, value: unknown, before: readonly string[]): void {
  const node = isScalar(value) || isMap(value) || isSeq(value) ? value : document.doc.createNode(value);
  const existing = document.root.items.find((pair) => keyOf(pair.key) === key);
  if (existing) {
    existing.value = node;
    return;
  }
  const pair = document.doc.createPair(key, node);
  const index = document.root.items.findIndex((item) => before.includes(String(keyOf(item.key))));
  if (index < 0) document.root.items.push(pair);
  else document.root.items.splice(index, 0, pair);
}

/** A script's code as Postman writes it: a literal block (|-), one line of the file a line of the script. */
export function codeScalar(code: string): Scalar {
  const scalar = new Scalar(code);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

/** The `scripts:` list's entries (maps), or none. */
export function scriptEntries(document: V3Document): YAMLMap[] {
  const scripts = document.root.get("scripts", true);
  return isSeq(scripts) ? (scripts as YAMLSeq).items.filter(isMap) : [];
}

/** The `scripts:` list, made before the first of `before` present when missing; block style, so a literal can sit in it. */
export function scriptsSeq(document: V3Document, before: readonly string[]): YAMLSeq {
  const found = document.root.get("scripts", true);
  if (isSeq(found)) return Object.assign(found, { flow: false });
  const made = document.doc.createNode([]) as YAMLSeq;
  setKey(document, "scripts", made, before);
  return made;
}
