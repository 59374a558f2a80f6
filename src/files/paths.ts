// Where the package's own files are, whether running from src (tests) or dist (the built CLI).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The directory holding this package's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("postman-ims-auth: cannot find the package root");
    dir = parent;
  }
  return dir;
}

export const sandboxDir = (): string => join(packageRoot(), "dist", "sandbox");

/** This package's version, from its package.json (what a bug report must name). */
export const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
