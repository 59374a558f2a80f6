// The older .bru format (bruno.json, collection.bru, folder.bru, one .bru a request), edited block by block.

import { brunoFolder, brunoScript } from "../../generator/bruno/bruno-collection.js";
import { scriptBlock, withoutBlocks } from "../script-blocks.js";
import type { AuthMode } from "./auth-mode.js";
import { type BruFile, blockLines, bruText, firstBlock, indented, pairs, parseBru, setBlock, setPair } from "./bru-blocks.js";
import { bruFolderFiles } from "./bru-writer.js";
import type { BrunoFormat } from "./format.js";

const TOKEN = "{{ACCESS_TOKEN}}";
/** bruno-lang's method blocks: the one a request has says it is an HTTP (or GraphQL) request. */
const METHODS = ["get", "post", "put", "delete", "patch", "options", "head", "connect", "trace"];
/** Where Bruno writes these blocks: a new one goes before the first of the later ones present. */
const AFTER_AUTH = ["vars:pre-request", "vars:post-response", "script:pre-request", "script:post-response", "tests", "docs"];
const AFTER_SCRIPT = ["script:post-response", "tests", "docs"];
const AFTER_TESTS = ["settings", "docs"];

export const BRU_FORMAT: BrunoFormat = {
  name: ".bru",
  ext: ".bru",
  collectionFile: "collection.bru",
  folderFile: "folder.bru",
  collectionRoot(text, file) {
    const bru = parseBru(text ?? "", file);
    const warnings: string[] = [];
    const previous = mode(bru, pairs(bru, "auth").get("mode"));
    if (previous.kind === "own")
      warnings.push(
        `the collection's own auth (${previous.type}) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.`,
      );
    setPair(bru, "auth", "mode", "bearer", AFTER_AUTH);
    setPair(bru, "auth:bearer", "token", TOKEN, AFTER_AUTH);
    const own = withoutBlocks(blockLines(bru, "script:pre-request") ?? [], `${file}, the collection's pre-request script`).exec;
    // First, so that an exception in the collection's own code after it cannot stop it.
    setBlock(
      bru,
      "script:pre-request",
      [...indented(scriptBlock("auto-auth", [brunoScript("auto-auth")]).join("\n")), ...own],
      AFTER_SCRIPT,
    );
    // First in the collection's tests, so that every request, those added later too, is watched for 401.
    const ownTests = withoutBlocks(blockLines(bru, "tests") ?? [], `${file}, the collection's tests`).exec;
    setBlock(bru, "tests", [...indented(scriptBlock("401-watcher", [brunoScript("401-watcher")]).join("\n")), ...ownTests], AFTER_TESTS);
    return { text: bruText(bru), warnings };
  },
  folderAuth(text, file) {
    const bru = parseBru(text, file);
    return mode(bru, pairs(bru, "auth").get("mode"));
  },
  request(text, file) {
    const bru = parseBru(text, file);
    const type = pairs(bru, "meta").get("type") ?? "http";
    const method = firstBlock(bru, METHODS);
    if (!["http", "graphql"].includes(type) || method === undefined) return undefined;
    const auth = mode(bru, pairs(bru, method).get("auth") ?? "none");
    const tests = blockLines(bru, "tests");
    const { exec: own, found } = withoutBlocks(tests ?? [], `${file}, the request's tests`);
    // A 401 watcher an earlier inject put in the request is taken out: the collection's tests watch every request now.
    if (found) setBlock(bru, "tests", own.every((line) => line.trim() === "") ? [] : own);
    return { mode: auth, text: bruText(bru) };
  },
  folderFiles(folder, description) {
    return bruFolderFiles(brunoFolder(folder, 1, undefined, description));
  },
};

/** As Bruno merges it: none (or no mode) and inherit pass the parent's on; Bearer {{ACCESS_TOKEN}} sends ours. */
function mode(bru: BruFile, value: string | undefined): AuthMode {
  if (value === undefined || value === "" || value === "none") return { kind: "none" };
  if (value === "inherit") return { kind: "inherit" };
  if (value === "bearer" && pairs(bru, "auth:bearer").get("token") === TOKEN) return { kind: "inherit" };
  return { kind: "own", type: value };
}
