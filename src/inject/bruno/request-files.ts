// The collection's requests, in its folders: which send our token, and an earlier inject's per-request 401 watcher taken out.

import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readInputFile } from "../../inputs/input-file.js";
import { type AuthMode, folderOverrides } from "./auth-mode.js";
import type { BrunoFormat } from "./format.js";

/** What `bru run` skips at the collection's root (bruno-cli's createCollectionJsonFromPathname), and anywhere. */
const SKIPPED_AT_ROOT = new Set(["environments"]);
const SKIPPED = new Set([".git", "node_modules"]);

export interface RequestsInjected {
  /** Path relative to the collection → new text, for the files that change. */
  readonly changed: Map<string, string>;
  readonly warnings: string[];
  /** Requests that send the collection's token. */
  readonly watched: number;
}

interface Walk {
  readonly root: string;
  readonly format: BrunoFormat;
  readonly skip: ReadonlySet<string>;
  readonly result: RequestsInjected & { watched: number };
}

/** Walks every folder but `skip` (our Authenticate folder), reading each folder file for the folder's auth. */
export function injectRequests(root: string, format: BrunoFormat, skip: ReadonlySet<string>): RequestsInjected {
  const walk: Walk = { root, format, skip, result: { changed: new Map(), warnings: [], watched: 0 } };
  visit(walk, "", [], true);
  return walk.result;
}

function visit(walk: Walk, relative: string, names: string[], inherits: boolean): void {
  const { format } = walk;
  for (const name of readdirSync(join(walk.root, relative)).sort()) {
    const path = relative === "" ? name : join(relative, name);
    const stats = lstatSync(join(walk.root, path));
    if (stats.isDirectory()) {
      if (SKIPPED.has(name) || (relative === "" && (SKIPPED_AT_ROOT.has(name) || walk.skip.has(name)))) continue;
      const folderNames = [...names, name];
      const mode = folderAuth(walk, join(path, format.folderFile));
      if (inherits && folderOverrides(mode)) {
        walk.result.warnings.push(
          `folder "${folderNames.join(" / ")}" has its own auth (${describe(mode)}): its requests do not send the collection's token. ` +
            'Set the folder\'s Auth to "Inherit" to use it.',
        );
      }
      visit(walk, path, folderNames, inherits && !folderOverrides(mode));
    } else if (
      stats.isFile() &&
      name.endsWith(format.ext) &&
      name !== format.folderFile &&
      !(relative === "" && name === format.collectionFile)
    ) {
      request(walk, path, [...names, name.slice(0, -format.ext.length)], inherits);
    }
  }
}

function folderAuth(walk: Walk, path: string): AuthMode {
  try {
    if (!lstatSync(join(walk.root, path)).isFile()) return { kind: "none" };
  } catch {
    return { kind: "none" };
  }
  return walk.format.folderAuth(readInputFile(join(walk.root, path), "a folder of the Bruno collection"), path);
}

function request(walk: Walk, path: string, names: string[], inherits: boolean): void {
  const original = readInputFile(join(walk.root, path), "a request of the Bruno collection");
  const watches = (mode: AuthMode) => inherits && mode.kind === "inherit";
  const edited = walk.format.request(original, path);
  if (edited === undefined) return;
  const { mode, text } = edited;
  if (watches(mode)) walk.result.watched++;
  else if (inherits) {
    walk.result.warnings.push(
      `request "${names.join(" / ")}" has ${mode.kind === "none" ? "No Auth" : `its own auth (${describe(mode)})`}: it does not send the collection's token. ` +
        'Set its Auth to "Inherit" to use it.',
    );
  }
  if (text !== original) walk.result.changed.set(path, text);
}

const describe = (mode: AuthMode): string => (mode.kind === "own" ? mode.type : mode.kind);
