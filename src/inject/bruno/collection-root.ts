// opencollection.yml: Bearer {{ACCESS_TOKEN}} as the collection's auth, our auto-auth first in its before-request script, the 401 watcher first in its tests.

import { brunoScript } from "../../generator/bruno/bruno-collection.js";
import { authMode, isOurAuth, OUR_AUTH } from "./auth-mode.js";
import { addScriptBlock, mapAt, seqAt, setKey, stripScripts, type YamlFile } from "./yaml-file.js";

/** Where Bruno's app writes these keys (stringifyCollection's order): a new one goes before the first of the later ones present. */
const AFTER_REQUEST = ["docs", "bundled", "extensions"];
const AFTER_AUTH = ["variables", "actions", "scripts"];

/** Edits the document; returns the warnings (a replaced auth of the collection's own). */
export function injectCollectionRoot(file: YamlFile): string[] {
  const warnings: string[] = [];
  const request = mapAt(file, file.root, "request", AFTER_REQUEST);
  const previous = authMode(request.get("auth", true));
  if (previous.kind === "own") {
    warnings.push(
      `the collection's own auth (${previous.type}) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.`,
    );
  }
  // Already ours: left as written (its quoting, its comments).
  if (!isOurAuth(request.get("auth", true))) setKey(file, request, "auth", OUR_AUTH, AFTER_AUTH);

  const scripts = seqAt(file, request, "scripts");
  stripScripts(scripts, `${file.file}, the collection's scripts`);
  // First, so that an exception in the collection's own code after it cannot stop it.
  addScriptBlock(file, scripts, "before-request", "auto-auth", brunoScript("auto-auth"), "start");
  addScriptBlock(file, scripts, "tests", "401-watcher", brunoScript("401-watcher"), "start");
  return warnings;
}
