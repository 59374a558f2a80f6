// The scripts of a Postman v3 collection folder, each with where it runs, named as in a v2.1 collection: verify
// judges a collection the same way in either format.

import { type V3File, type V3Folder, readV3Collection, requestName } from "../inputs/postman-v3-folder.js";
import type { ScriptSite } from "./script-site.js";

const KINDS: Record<string, string> = { beforeRequest: "pre-request", afterResponse: "test" };

function sitesOf(file: V3File | undefined, owner: string, out: ScriptSite[]): void {
  const scripts = Array.isArray(file?.value.scripts) ? (file.value.scripts as Array<{ type?: unknown; code?: unknown }>) : [];
  for (const script of scripts) {
    if (typeof script?.code !== "string" || script.code.trim() === "") continue;
    // "http:beforeRequest" at collection and folder level, "beforeRequest" in a request.
    const kind = KINDS[String(script.type).replace(/^http:/, "")] ?? String(script.type);
    out.push({ where: `${owner} ${kind} script`, lines: script.code.split("\n") });
  }
}

function visit(folder: V3Folder, names: readonly string[], out: ScriptSite[]): void {
  const quoted = (path: readonly string[]) => path.map((name) => `"${name}"`).join(" / ");
  sitesOf(folder.definition, names.length === 0 ? "collection" : quoted(names), out);
  for (const { folder: child, request } of folder.items) {
    if (child) visit(child, [...names, child.name], out);
    else sitesOf(request, quoted([...names, requestName(request)]), out);
  }
}

/** Every script of the collection in `dir`: the collection's, then each folder's and request's. */
export function v3CollectionScripts(dir: string): ScriptSite[] {
  const out: ScriptSite[] = [];
  visit(readV3Collection(dir), [], out);
  return out;
}
