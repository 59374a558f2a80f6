// A Bruno YAML file as a `yaml` Document: edited in place, so that the user's comments, order and quoting survive.

import { type Document, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type YAMLMap, type YAMLSeq } from "yaml";
import { ImsAuthError } from "../../core/errors.js";
import { scriptBlock, withoutBlocks } from "../script-blocks.js";

/** Bruno's own stringify options (packages/bruno-filestore, formats/yml/utils.ts): long lines kept whole, two-space indent. */
const OPTIONS = { lineWidth: 0, indent: 2, minContentWidth: 0 } as const;

export interface YamlFile {
  readonly file: string;
  readonly doc: Document;
  /** The document's top-level map. */
  readonly root: YAMLMap;
  readonly layout: Layout;
}

/** What of a file's layout the yaml library would not keep by itself: written back as it was. */
interface Layout {
  readonly indent: number;
  /** `- ` items indented under their key (Bruno's way), or level with it. */
  readonly indentSeq: boolean;
  readonly crlf: boolean;
  readonly finalNewline: boolean;
}

function layoutOf(text: string): Layout {
  const indent = /\n( +)\S/.exec(text)?.[1]?.length ?? 2;
  return {
    indent: indent >= 1 && indent <= 8 ? indent : 2,
    indentSeq: !/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text),
    crlf: text.includes("\r\n"),
    finalNewline: text === "" || text.endsWith("\n"),
  };
}

/** Parses a file's text; a syntax error or a top level that is not a map is ERR_INPUT_FILE naming the file and line. */
export function parseYamlFile(text: string, file: string): YamlFile {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file}${line === undefined ? "" : `:${line}`} is not valid YAML (${error.code}): fix it, or open the collection in Bruno and save it again.`,
    );
  }
  if (!isMap(doc.contents))
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} is not a Bruno file: its top level is not a map of keys (info:, http:, …).`);
  return { file, doc, root: doc.contents, layout: layoutOf(text) };
}

export function yamlText({ doc, layout }: YamlFile): string {
  let text = doc.toString({ ...OPTIONS, indent: layout.indent, indentSeq: layout.indentSeq });
  if (!layout.finalNewline) text = text.replace(/\n$/, "");
  return layout.crlf ? text.replace(/\n/g, "\r\n") : text;
}

/** Top-level keys the Bruno app writes after a blank line (filestore's stringifyYml). */
const BLOCK_KEYS = /^(info|http|graphql|runtime|settings|examples|docs|items|request):/;

/** New files in the block YAML the Bruno app writes, blank lines included. */
export function toBlockYaml(value: unknown): string {
  const lines = stringify(value, { ...OPTIONS, defaultStringType: "PLAIN" }).split("\n");
  return lines.map((line, index) => (index > 0 && BLOCK_KEYS.test(line) ? `\n${line}` : line)).join("\n");
}

/** A map under `key`, made (before the first of `before` that is present, else last) when missing. */
export function mapAt(file: YamlFile, parent: YAMLMap, key: string, before: readonly string[]): YAMLMap {
  const found = parent.get(key, true);
  // Block style for what we write into: a literal block cannot sit inside a flow collection ({…}, […]).
  if (isMap(found)) return Object.assign(found, { flow: false });
  const made = file.doc.createNode({}) as YAMLMap;
  setKey(file, parent, key, made, before);
  return made;
}

/** A list under `key`, made (last) when missing. */
export function seqAt(file: YamlFile, parent: YAMLMap, key: string): YAMLSeq {
  const found = parent.get(key, true);
  if (isSeq(found)) return Object.assign(found, { flow: false });
  const made = file.doc.createNode([]) as YAMLSeq;
  setKey(file, parent, key, made, []);
  return made;
}

/** Sets `key`, keeping its place when present; a new key goes before the first of `before` that is present. */
export function setKey(file: YamlFile, parent: YAMLMap, key: string, value: unknown, before: readonly string[]): void {
  const node = file.doc.createNode(value);
  const existing = parent.items.find((pair) => keyOf(pair.key) === key);
  if (existing) {
    existing.value = node;
    return;
  }
  const pair = file.doc.createPair(key, node);
  // A new top-level block after a blank line, as the Bruno app writes them.
  if (parent === file.root && isScalar(pair.key)) pair.key.spaceBefore = true;
  const index = parent.items.findIndex((item) => before.includes(String(keyOf(item.key))));
  if (index < 0) parent.items.push(pair);
  else parent.items.splice(index, 0, pair);
}

const keyOf = (key: unknown): unknown => (isScalar(key) ? key.value : key);

/** A script entry of a `scripts:` list: its type and its code scalar. */
interface ScriptEntry {
  readonly entry: YAMLMap;
  readonly code: Scalar | undefined;
}

/** The entries of a `scripts:` list (not a list: none). */
export function scriptEntries(scripts: unknown): ScriptEntry[] {
  if (!isSeq(scripts)) return [];
  return (scripts as YAMLSeq).items.filter(isMap).map((entry) => {
    const code = entry.get("code", true);
    return { entry, code: isScalar(code) ? code : undefined };
  });
}

/** The entry Bruno runs for a type: the last one with code (filestore's toBrunoScripts keeps the last). */
export function effectiveEntry(scripts: unknown, type: string): ScriptEntry | undefined {
  return scriptEntries(scripts)
    .filter(({ entry, code }) => entry.get("type") === type && typeof code?.value === "string" && code.value !== "")
    .at(-1);
}

/** Takes our blocks out of every entry's code; entries left empty by that are removed. Returns whether any was found. */
export function stripScripts(scripts: unknown, where: string): boolean {
  if (!isSeq(scripts)) return false;
  let found = false;
  for (const { entry, code } of scriptEntries(scripts)) {
    if (typeof code?.value !== "string") continue;
    const stripped = withoutBlocks(code.value.split("\n"), where);
    if (!stripped.found) continue;
    found = true;
    code.value = stripped.exec.join("\n");
    if (code.value === "") (scripts as YAMLSeq).items.splice((scripts as YAMLSeq).items.indexOf(entry), 1);
  }
  return found;
}

/** Our marked block in the code Bruno runs for `type`, at its start or end; a new entry (last) when there is none. */
export function addScriptBlock(file: YamlFile, scripts: YAMLSeq, type: string, name: string, code: string, at: "start" | "end"): void {
  const block = scriptBlock(name, code.split("\n")).join("\n");
  const target = effectiveEntry(scripts, type);
  if (target?.code === undefined) {
    const scalar = new Scalar(block);
    scalar.type = Scalar.BLOCK_LITERAL;
    scripts.items.push(file.doc.createNode({ type, code: scalar }));
    return;
  }
  target.entry.flow = false;
  const own = String(target.code.value);
  target.code.value = at === "start" ? `${block}\n${own}` : `${own}\n${block}`;
  // A long script in a quoted string would be one unreadable line: a literal block keeps the lines.
  target.code.type = Scalar.BLOCK_LITERAL;
}
