// inject on a collection folder (Bruno's, or a Postman v3 one): a copy's target checked, the files a copy carries,
// and a file's permissions kept.

import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { ImsAuthError } from "../core/errors.js";
import { checkOutputFolder, existingOutputFiles, writeFileAtomically } from "../files/output-file.js";
import type { FlowOption } from "../generator/collection/collection.js";
import { checkOutputChoice } from "./output-choice.js";

/** Copies skip what a collection carries but does not need (bruno-cli and the Postman CLI skip them too). */
const NOT_COPIED = new Set([".git", "node_modules"]);

/** The output folder of a copy: not the collection, not inside it, empty unless forced. */
export function checkCopyTarget(dir: string, out: string, force: boolean): void {
  const path = relative(resolve(dir), resolve(out));
  if (path === "")
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `the output folder is the collection (${dir}): to change it, say in-place (--in-place) instead.`,
    );
  if (!path.startsWith("..") && !isAbsolute(path)) {
    throw new ImsAuthError("ERR_INVALID_OPTION", `the output folder ${out} is inside the collection ${dir}: choose a folder outside it.`);
  }
  checkOutputFolder(out);
  if (!force && existsSync(out) && readdirSync(out).length > 0)
    throw new ImsAuthError(
      "ERR_OUTPUT_EXISTS",
      `${out} already holds files; nothing was written. Choose a new or empty folder, or write over its files with force (--force).`,
    );
}

/** Every regular file of the collection, relative paths; links and other special files are not copied. */
export function collectionFiles(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under))
    .sort()
    .flatMap((name) => {
      const path = under === "" ? name : join(under, name);
      const stats = lstatSync(join(dir, path));
      if (stats.isDirectory()) return NOT_COPIED.has(name) ? [] : collectionFiles(dir, path);
      return stats.isFile() ? [path] : [];
    });
}

/** A file keeps its permissions (a .env or an environment may hold secrets); a new one is 0644. */
export function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** What `inject` on a collection folder (Bruno's, a v3 one) is asked. */
export interface FolderInjectRequest {
  /** The collection's folder. */
  readonly dir: string;
  /** A folder to write a copy into; or `inPlace` to change the collection itself. Exactly one of them. */
  readonly out?: string;
  readonly inPlace?: boolean;
  /** Let `out` be a folder that holds files already (those we write are replaced). */
  readonly force?: boolean;
  readonly flows?: readonly FlowOption[];
}

/** Exactly one of -o DIR and --in-place, said in a folder's words. */
export function checkFolderOutputChoice(request: FolderInjectRequest): void {
  checkOutputChoice(request, {
    output: "an output folder (-o DIR)",
    change: "to change the collection itself",
    always: "in-place always changes the collection",
  });
}

/** A folder's edits, planned whole: files changed (path → text) and removed, relative to the collection's folder. */
export interface FolderPlan {
  readonly changed: ReadonlyMap<string, string>;
  readonly removed: readonly string[];
}

const slashed = (path: string): string => path.split("\\").join("/");

/** The plan written in place, or into `out` with a copy of the rest of the folder; returns the folder written. */
export function writeFolderPlan(dir: string, out: string | undefined, plan: FolderPlan): string {
  if (out === undefined) {
    for (const [path, text] of plan.changed) writeFileAtomically(join(dir, path), text, modeOf(join(dir, path)));
    for (const path of plan.removed) rmSync(join(dir, path));
    return dir;
  }
  const skipped = new Set([...plan.removed, ...plan.changed.keys()].map(slashed));
  const files = collectionFiles(dir).filter((path) => !skipped.has(slashed(path)));
  // Everything checked before the first write: a file in the way stops the copy before it starts.
  existingOutputFiles(
    [...files, ...plan.changed.keys()].map((path) => join(out, path)),
    true,
  );
  for (const path of files) writeFileAtomically(join(out, path), readFileSync(join(dir, path)), modeOf(join(dir, path)));
  for (const [path, text] of plan.changed) writeFileAtomically(join(out, path), text, modeOf(join(dir, path)));
  return out;
}
