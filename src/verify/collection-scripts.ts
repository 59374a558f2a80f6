// The scripts of a collection file or v3 folder, each with where it sits: what verify judges. A Bruno folder
// would be one more reader returning the same sites.

import { statSync } from "node:fs";
import { ImsAuthError } from "../core/errors.js";
import { readInputFile } from "../inputs/input-file.js";
import { isV3CollectionFolder } from "../inputs/postman-v3-folder.js";
import type { ScriptSite } from "./script-site.js";
import { v3CollectionScripts } from "./v3-scripts.js";

export type { ScriptSite } from "./script-site.js";

interface Node {
  readonly name?: unknown;
  readonly event?: unknown;
  readonly item?: unknown;
  readonly info?: { readonly name?: unknown };
}

const linesOf = (exec: unknown): string[] => (Array.isArray(exec) ? exec.map(String) : typeof exec === "string" ? exec.split("\n") : []);

function sitesOf(node: Node, path: readonly string[], out: ScriptSite[]): void {
  const events = Array.isArray(node.event) ? (node.event as Array<{ listen?: unknown; script?: { exec?: unknown } }>) : [];
  const owner = path.length === 0 ? "collection" : path.map((name) => `"${name}"`).join(" / ");
  for (const event of events) {
    const lines = linesOf(event?.script?.exec);
    if (lines.join("").trim() === "") continue;
    out.push({ where: `${owner} ${event.listen === "test" ? "test" : "pre-request"} script`, lines });
  }
  const items = Array.isArray(node.item) ? (node.item as Node[]) : [];
  for (const item of items) sitesOf(item, [...path, String(item?.name ?? "(unnamed)")], out);
}

/** Every script of a Postman collection (v2.0 or v2.1 JSON), collection level first, then items in order. */
export function postmanScripts(json: unknown, file: string): ScriptSite[] {
  const root = json as Node;
  if (typeof json !== "object" || json === null || !Array.isArray(root.item)) {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file} is not a Postman collection (no "item" list): verify reads collection files (.json).`,
    );
  }
  const out: ScriptSite[] = [];
  sitesOf(root, [], out);
  return out;
}

/** The scripts of the collection in `file` (v2.1 JSON), or in a v3 collection folder. */
export function collectionScripts(file: string): ScriptSite[] {
  let directory = false;
  try {
    directory = statSync(file).isDirectory();
  } catch {
    // readInputFile names a missing file.
  }
  if (directory) {
    if (isV3CollectionFolder(file)) return v3CollectionScripts(file);
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file} is a directory but not a Postman v3 collection folder: verify reads collection files (.json) and v3 folders; Bruno collections are not supported yet.`,
    );
  }
  const text = readInputFile(file, "a collection");
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} is not JSON: export the collection again (Postman: ⋯ → Export → Collection v2.1).`);
  }
  return postmanScripts(json, file);
}
