// What `inject` changes in a v3 collection folder, worked out whole before anything is written: the collection's
// definition (our script first, our auth), the requests' scripts, and our Authenticate folder as v3 files.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, type YAMLSeq } from "yaml";
import { ImsAuthError } from "../../core/errors.js";
import { GENERATED_MARK } from "../../generator/bruno/bruno-collection.js";
import { COLLECTION_FLOWS, type FlowOption } from "../../generator/collection/collection.js";
import { stableId } from "../../generator/collection/ids.js";
import { v3Yaml } from "../../generator/postman-v3/postman-v3-collection.js";
import { v3FileStem, v3FolderFiles, type V2Node } from "../../generator/postman-v3/v3-items.js";
import { isObject, type Json } from "../../inputs/collection-input.js";
import { readInputFile } from "../../inputs/input-file.js";
import { readV3Collection, type V3Folder } from "../../inputs/postman-v3-folder.js";
import { FOLDER_MARK } from "../bruno/authenticate-folder.js";
import { injectAuth } from "../inject.js";
import { ENTRY, NODE, type ProjectedNode, project, V3_TYPE, v2Auth } from "./projection.js";
import { codeScalar, parseV3Document, scriptsSeq, setKey, type V3Document, v3DocumentText } from "./v3-document.js";

export interface V3Plan {
  /** Path relative to the collection → new text: the files that change or are added. */
  readonly changed: Map<string, string>;
  /** Files of an earlier injection to delete (another --flows). */
  readonly removed: string[];
  /** The Authenticate folder's name on disk. */
  readonly folder: string;
  readonly warnings: string[];
  readonly watched: number;
}

const OUR_FOLDER_ID = stableId("folder/Authenticate");
/** Our scripts' header: a request file of our folder that carries it is ours, and goes when a rerun no longer writes it. */
const OUR_HEADER = "/*! postman-ims-auth ";
const AUTH = "{{ACCESS_TOKEN}}";

export function planV3Injection(root: string, flows: readonly FlowOption[] = COLLECTION_FLOWS): V3Plan {
  const tree = readV3Collection(root);
  const description = tree.definition?.value.description;
  if (typeof description === "string" && description.includes(GENERATED_MARK))
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${root} was written by generate --target postman-v3 and has Adobe IMS authentication already: nothing to inject. ` +
        "To bring its scripts up to date, run generate --target postman-v3 again (--force replaces its files).",
    );
  const ours = tree.items.find(({ folder }) => folder && isOurFolder(folder))?.folder;
  const { collection, nodes } = project(tree, ours?.path);
  const result = injectAuth(collection, { flows });

  const changed = new Map<string, string>();
  const visit = (json: Json) => {
    const tag = json[NODE];
    if (typeof tag === "number") {
      const node = nodes.get(tag)!;
      const text = editedScripts(node, Array.isArray(json.event) ? json.event : [], json === result.collection);
      if (text !== undefined) changed.set(node.path, text);
    }
    for (const item of Array.isArray(json.item) ? json.item : []) if (isObject(item)) visit(item);
  };
  visit(result.collection);

  const folderName = ours?.path ?? freeName(root);
  const folderJson = (result.collection.item as Json[])[0] as V2Node;
  const order = ours ? orderOf(ours.definition?.value) : firstOrder(tree);
  const files = new Map<string, string>();
  for (const [path, value] of v3FolderFiles(folderJson, order, folderName)) files.set(`${folderName}/${path}`, v3Yaml(value));
  for (const [path, text] of files) if (readIfFile(root, path) !== text) changed.set(path, text);
  const removed = (ours?.items ?? []).flatMap(({ request }) =>
    request && !files.has(request.path) && request.text.includes(OUR_HEADER) ? [request.path] : [],
  );
  return { changed, removed, folder: folderName, warnings: result.warnings, watched: result.watched };
}

/**
 * A node's file with its scripts as inject left them: changed codes replaced, new entries appended, entries that
 * only held our block removed; for the collection, our auth set. Undefined when nothing changes.
 */
function editedScripts(node: ProjectedNode, events: unknown[], isCollection: boolean): string | undefined {
  const original = node.file?.text;
  const document = parseV3Document(original ?? "$kind: collection\n", node.path);
  const before = node.scope === "" ? ["order", "examples"] : ["auth", "order"];
  const scripts = document.root.get("scripts", true);
  const entries = isSeq(scripts) ? (scripts as YAMLSeq).items : [];
  const kept = new Set<number>();
  const added: { type: string; code: string }[] = [];
  let edited = false;
  for (const event of events) {
    if (!isObject(event) || !isObject(event.script)) continue;
    const exec = event.script.exec;
    const code = Array.isArray(exec) ? exec.map(String).join("\n") : String(exec ?? "");
    const index = event[ENTRY];
    if (typeof index === "number") {
      kept.add(index);
      const entry = entries[index];
      if (node.codes.get(index) !== code && isMap(entry)) {
        entry.set("code", codeScalar(code));
        edited = true;
      }
    } else added.push({ type: `${node.scope}${V3_TYPE[event.listen as "prerequest" | "test"]}`, code });
  }
  for (const index of [...node.codes.keys()].filter((index) => !kept.has(index)).reverse()) {
    if (isSeq(scripts)) (scripts as YAMLSeq).items.splice(index, 1);
    edited = true;
  }
  if (added.length > 0) {
    edited = true;
    const seq = scriptsSeq(document, before);
    for (const { type, code } of added)
      seq.items.push(document.doc.createNode({ type, code: codeScalar(code), language: "text/javascript" }));
  }
  if (isSeq(scripts) && (scripts as YAMLSeq).items.length === 0) document.root.delete("scripts");
  if (isCollection && setOurAuth(document)) edited = true;
  // A file we do not change is not written again, whatever its layout: only what we edit is serialised.
  if (!edited && original !== undefined) return undefined;
  if (!edited && !isCollection) return undefined;
  return v3DocumentText(document);
}

/** Bearer {{ACCESS_TOKEN}} as the collection's auth, in the form its file uses; already ours: left as written (false). */
function setOurAuth(document: V3Document): boolean {
  const node = document.root.get("auth", true);
  const previous = isMap(node) || isSeq(node) ? node.toJSON() : undefined;
  const auth = v2Auth(previous);
  const bearer = Array.isArray(auth?.bearer) ? (auth.bearer as Json[]) : [];
  if (auth?.type === "bearer" && bearer.some((entry) => entry.key === "token" && entry.value === AUTH)) return false;
  const value =
    isObject(previous) && !Array.isArray(previous)
      ? { type: "bearer", credentials: [{ key: "token", value: AUTH }] }
      : [{ id: stableId("collection/auth"), type: "bearer", name: "bearer auth", credentials: { token: AUTH } }];
  setKey(document, "auth", value, ["order"]);
  return true;
}

function isOurFolder(folder: V3Folder): boolean {
  const value = folder.definition?.value;
  return value?.id === OUR_FOLDER_ID || (typeof value?.description === "string" && value.description.includes(FOLDER_MARK));
}

const orderOf = (value: Readonly<Record<string, unknown>> | undefined): number => (typeof value?.order === "number" ? value.order : 0);

/** Before the collection's first item, as inject puts the folder first in a v2.1 collection. */
function firstOrder(tree: V3Folder): number {
  const orders = tree.items
    .map(({ folder, request }) => (folder ? folder.definition?.value : request.value)?.order)
    .filter((order) => typeof order === "number");
  return orders.length === 0 ? 0 : Math.min(...(orders as number[])) - 1000;
}

/** Authenticate, or Authenticate (Adobe IMS) when the team has a folder of that name. */
function freeName(root: string): string {
  const taken = new Set(readdirSync(root).map((name) => name.toLowerCase()));
  for (let index = 1; ; index++) {
    const name = index === 1 ? "Authenticate" : index === 2 ? "Authenticate (Adobe IMS)" : `Authenticate (Adobe IMS ${index - 1})`;
    if (!taken.has(v3FileStem(name).toLowerCase())) return name;
  }
}

function readIfFile(root: string, path: string): string | undefined {
  try {
    if (!statSync(join(root, path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return readV3Text(join(root, path));
}

const readV3Text = (file: string) => readInputFile(file, "a file of the v3 collection");
