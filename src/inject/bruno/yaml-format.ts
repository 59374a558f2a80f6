// The OpenCollection YAML format (opencollection.yml, folder.yml, one .yml a request), edited as YAML documents.

import { isMap, isSeq, type YAMLSeq } from "yaml";
import { brunoFolder, brunoScript } from "../../generator/bruno/bruno-collection.js";
import { authMode } from "./auth-mode.js";
import { injectCollectionRoot } from "./collection-root.js";
import type { BrunoFormat } from "./format.js";
import { addScriptBlock, mapAt, parseYamlFile, seqAt, stripScripts, toBlockYaml, type YamlFile, yamlText } from "./yaml-file.js";

/** The request types whose `auth` Bruno merges with the collection's and that `bru run` sends. */
const REQUEST_TYPES = new Set(["http", "graphql"]);
/** Where the app writes `runtime:` in a request (after http:, before these). */
const AFTER_RUNTIME = ["settings", "examples", "docs"];

export const YAML_FORMAT: BrunoFormat = {
  name: "OpenCollection YAML",
  ext: ".yml",
  collectionFile: "opencollection.yml",
  folderFile: "folder.yml",
  collectionRoot(text, file) {
    const document = parseYamlFile(text ?? "", file);
    const warnings = injectCollectionRoot(document);
    return { text: yamlText(document), warnings };
  },
  folderAuth(text, file) {
    const request = parseYamlFile(text, file).root.get("request", true);
    return authMode(isMap(request) ? request.get("auth", true) : undefined);
  },
  request(text, path, inherits) {
    const file = parseYamlFile(text, path);
    const info = file.root.get("info", true);
    const type = isMap(info) ? String(info.get("type")) : "";
    if (!REQUEST_TYPES.has(type)) return undefined;
    const details = file.root.get(type, true);
    const mode = authMode(isMap(details) ? details.get("auth", true) : undefined);
    const runtime = file.root.get("runtime", true);
    const found = stripScripts(isMap(runtime) ? runtime.get("scripts", true) : undefined, `${path}, the request's scripts`);
    // Appended: the request's own tests run first, as they did before.
    if (inherits(mode)) addScriptBlock(file, scriptsOf(file), "tests", "401-watcher", brunoScript("api-response"), "end");
    else if (found) dropEmpty(file);
    return { mode, text: yamlText(file) };
  },
  folderFiles(folder, description) {
    const files = new Map<string, string>();
    for (const [path, value] of brunoFolder(folder, 1, undefined, description)) files.set(path, toBlockYaml(value));
    return files;
  },
};

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
