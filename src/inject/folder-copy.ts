// inject on a collection folder (Bruno's, or a Postman v3 one): a copy's target checked, the files a copy carries,
// and a file's permissions kept.

import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { ImsAuthError } from "../core/errors.js";
import { checkOutputFolder } from "../files/output-file.js";

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
