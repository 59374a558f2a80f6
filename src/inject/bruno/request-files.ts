// The collection's requests (.yml files in its folders): the 401 watcher at the end of the tests of each one that inherits our auth.

import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, type YAMLSeq } from "yaml";
import { brunoScript } from "../../generator/bruno/bruno-collection.js";
import { readInputFile } from "../../inputs/input-file.js";
import { type AuthMode, authMode, folderOverrides } from "./auth-mode.js";
import { addScriptBlock, mapAt, parseYamlFile, seqAt, stripScripts, type YamlFile, yamlText } from "./yaml-file.js";

/** What `bru run` skips at the collection's root (bruno-cli's createCollectionJsonFromPathname), and anywhere. */
const SKIPPED_AT_ROOT = new Set(["environments"]);
const SKIPPED = new Set([".git", "node_modules"]);
/** The request types whose `auth` Bruno merges with the collection's and that `bru run` sends. */
const REQUEST_TYPES = new Set(["http", "graphql"]);
/** Where the app writes `runtime:` in a request (after http:, before these). */
const AFTER_RUNTIME = ["settings", "examples", "docs"];

export interface RequestsInjected {
  /** Path relative to the collection → new text, for the files that change. */
  readonly changed: Map<string, string>;
  readonly warnings: string[];
  /** Requests that send the collection's token, and so carry the watcher. */
  readonly watched: number;
}

interface Walk {
  readonly root: string;
  readonly skip: ReadonlySet<string>;
  readonly watcher: string;
  readonly result: RequestsInjected & { watched: number };
}

/** Walks every folder but `skip` (our Authenticate folder), reading folder.yml for folder auth. */
export function injectRequests(root: string, skip: ReadonlySet<string>): RequestsInjected {
  const walk: Walk = { root, skip, watcher: brunoScript("api-response"), result: { changed: new Map(), warnings: [], watched: 0 } };
  visit(walk, "", [], true);
  return walk.result;
}

function visit(walk: Walk, relative: string, names: string[], inherits: boolean): void {
  for (const name of readdirSync(join(walk.root, relative)).sort()) {
    const path = relative === "" ? name : join(relative, name);
    const stats = lstatSync(join(walk.root, path));
    if (stats.isDirectory()) {
      if (SKIPPED.has(name) || (relative === "" && (SKIPPED_AT_ROOT.has(name) || walk.skip.has(name)))) continue;
      const folderNames = [...names, name];
      const mode = folderAuth(walk, join(path, "folder.yml"));
      if (inherits && folderOverrides(mode)) {
        walk.result.warnings.push(
          `folder "${folderNames.join(" / ")}" has its own auth (${describe(mode)}): its requests do not send the collection's token. ` +
            'Set the folder\'s Auth to "Inherit" to use it.',
        );
      }
      visit(walk, path, folderNames, inherits && !folderOverrides(mode));
    } else if (stats.isFile() && name.endsWith(".yml") && name !== "folder.yml" && !(relative === "" && name === "opencollection.yml")) {
      request(walk, path, [...names, name.slice(0, -4)], inherits);
    }
  }
}

function folderAuth(walk: Walk, path: string): AuthMode {
  try {
    if (!lstatSync(join(walk.root, path)).isFile()) return { kind: "none" };
  } catch {
    return { kind: "none" };
  }
  const file = parseYamlFile(readInputFile(join(walk.root, path), "a folder of the Bruno collection"), path);
  const request = file.root.get("request", true);
  return authMode(isMap(request) ? request.get("auth", true) : undefined);
}

function request(walk: Walk, path: string, names: string[], inherits: boolean): void {
  const original = readInputFile(join(walk.root, path), "a request of the Bruno collection");
  const file = parseYamlFile(original, path);
  const info = file.root.get("info", true);
  const type = isMap(info) ? String(info.get("type")) : "";
  if (!REQUEST_TYPES.has(type)) return;
  const details = file.root.get(type, true);
  const mode = authMode(isMap(details) ? details.get("auth", true) : undefined);
  const where = `"${names.join(" / ")}"`;
  const runtime = file.root.get("runtime", true);
  const scripts = isMap(runtime) ? runtime.get("scripts", true) : undefined;
  const found = stripScripts(scripts, `${path}, the request's scripts`);
  if (inherits && mode.kind === "inherit") {
    // Appended: the request's own tests run first, as they did before.
    addScriptBlock(file, scriptsOf(file), "tests", "401-watcher", walk.watcher, "end");
    walk.result.watched++;
  } else {
    if (inherits) {
      walk.result.warnings.push(
        `request ${where} has ${mode.kind === "none" ? "No Auth" : `its own auth (${describe(mode)})`}: it does not send the collection's token. ` +
          'Set its Auth to "Inherit" to use it.',
      );
    }
    if (found) dropEmpty(file);
  }
  const text = yamlText(file);
  if (text !== original) walk.result.changed.set(path, text);
}

function scriptsOf(file: YamlFile): YAMLSeq {
  return seqAt(file, mapAt(file, file.root, "runtime", AFTER_RUNTIME), "scripts");
}

/** A `scripts:` list (and a `runtime:` map) that only held our watcher: removed with it. */
function dropEmpty(file: YamlFile): void {
  const runtime = file.root.get("runtime", true);
  if (!isMap(runtime)) return;
  const scripts = runtime.get("scripts", true);
  if (isSeq(scripts) && scripts.items.length === 0) runtime.delete("scripts");
  if (runtime.items.length === 0) file.root.delete("runtime");
}

const describe = (mode: AuthMode): string => (mode.kind === "own" ? mode.type : mode.kind);
