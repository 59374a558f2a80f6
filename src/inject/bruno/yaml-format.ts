// The OpenCollection YAML format (opencollection.yml, folder.yml, one .yml a request), edited as YAML documents.

import { isMap, isSeq } from "yaml";
import { brunoFolder } from "../../generator/bruno/bruno-collection.js";
import { authMode } from "./auth-mode.js";
import { injectCollectionRoot } from "./collection-root.js";
import type { BrunoFormat } from "./format.js";
import { parseYamlFile, stripScripts, toBlockYaml, type YamlFile, yamlText } from "./yaml-file.js";

/** The request types whose `auth` Bruno merges with the collection's and that `bru run` sends. */
const REQUEST_TYPES = new Set(["http", "graphql"]);

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
  request(text, path) {
    const file = parseYamlFile(text, path);
    const info = file.root.get("info", true);
    const type = isMap(info) ? String(info.get("type")) : "";
    if (!REQUEST_TYPES.has(type)) return undefined;
    const details = file.root.get(type, true);
    const mode = authMode(isMap(details) ? details.get("auth", true) : undefined);
    const runtime = file.root.get("runtime", true);
    // A 401 watcher an earlier inject put in the request is taken out: the collection's tests watch every request now.
    const found = stripScripts(isMap(runtime) ? runtime.get("scripts", true) : undefined, `${path}, the request's scripts`);
    if (!found) return { mode, text }; // not ours to change: every byte as it was
    dropEmpty(file);
    return { mode, text: yamlText(file) };
  },
  folderFiles(folder, description) {
    const files = new Map<string, string>();
    for (const [path, value] of brunoFolder(folder, 1, undefined, description)) files.set(path, toBlockYaml(value));
    return files;
  },
};

/** A `scripts:` list (and a `runtime:` map) that only held our watcher: removed with it. */
function dropEmpty(file: YamlFile): void {
  const runtime = file.root.get("runtime", true);
  if (!isMap(runtime)) return;
  const scripts = runtime.get("scripts", true);
  if (isSeq(scripts) && scripts.items.length === 0) runtime.delete("scripts");
  if (runtime.items.length === 0) file.root.delete("runtime");
}
