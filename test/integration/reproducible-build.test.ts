// Rebuilding from a clean copy of the repository gives byte-identical scripts: what a reviewer can redo
// to check that a release's collection is what its sources build.

import { execFileSync } from "node:child_process";
import { cpSync, type Dirent, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot, sandboxDir } from "../../src/files/paths.js";
import { tempDir } from "../helpers/cli.js";

const root = packageRoot();
const temp = tempDir("clean-build");
afterAll(() => temp.remove());

/** What a clone holds: tracked files and new ones not ignored (so uncommitted work is judged too), no dist/, no caches. */
function cleanCopy(into: string): void {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(into, file));
    } catch {
      // A tracked file deleted in the work tree: a clone of the next commit would not have it either.
    }
  }
  symlinkSync(join(root, "node_modules"), join(into, "node_modules"), "dir");
}

/** Every file under `dir` (the Bruno scripts sit in a folder of their own), relative, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("a clean rebuild", () => {
  it("gives every dist/sandbox file byte for byte, in another directory", () => {
    const copy = temp.path("repo");
    cleanCopy(copy);
    execFileSync(process.execPath, ["scripts/compile.mjs", "--force"], { cwd: copy, stdio: "pipe", timeout: 240_000 });
    const built = filesUnder(sandboxDir());
    expect(built).toEqual(
      expect.arrayContaining(["auto-auth.js", "engine.js", "engine.readable.js", "jwt-exchange.js", join("bruno", "auto-auth.js")]),
    );
    expect(filesUnder(join(copy, "dist", "sandbox"))).toEqual(built);
    for (const file of built) {
      expect({ file, same: readFileSync(join(copy, "dist", "sandbox", file)).equals(readFileSync(join(sandboxDir(), file))) }).toEqual({
        file,
        same: true,
      });
    }
  }, 300_000);
});
