// `inject --target bruno` as a user runs it on a Bruno collection folder (YAML and .bru): output lines, warnings, a rerun, refusals.

import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { ACME_BRU, ACME_BRUNO, readTree, writeTree } from "../helpers/realistic-bruno-collection.js";

const temp = tempDir("cli-inject-bruno");
afterAll(() => temp.remove());

describe("inject --target bruno", () => {
  it("--in-place adds our parts, lists the warnings on stderr; a second run changes nothing", async () => {
    const dir = temp.path("acme");
    writeTree(dir, ACME_BRUNO);
    const first = await runMain(["inject", "--target", "bruno", dir, "--in-place"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `wrote 4 files in ${dir}: Bearer auth, auto-auth script, 401 watcher and Authenticate folder; 3 requests use the collection's token; 3 warnings above\n`,
    );
    const warnings = first.stderr.trimEnd().split("\n");
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toBe(
      "warning: the collection's own auth (basic) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.",
    );
    expect(warnings[1]).toMatch(/^warning: folder "Admin" has its own auth \(apikey\): its requests do not send the collection's token\./);
    expect(warnings[2]).toMatch(/^warning: request "Users \/ Public ping" has No Auth: it does not send the collection's token\./);
    const tree = readTree(dir);
    const second = await runMain(["inject", "--target", "bruno", dir, "--in-place"]);
    expect([second.code, second.stdout]).toEqual([
      0,
      `nothing to change in ${dir}: Bearer auth, auto-auth script, 401 watcher and Authenticate folder; 3 requests use the collection's token; 2 warnings above\n`,
    ]);
    expect(readTree(dir)).toEqual(tree);
  });

  it("a .bru collection, -o DIR: a copy with our parts, the collection untouched", async () => {
    const dir = temp.path("legacy");
    writeTree(dir, ACME_BRU);
    const result = await runMain(["inject", "--target", "bruno", dir, "-o", temp.path("legacy-ims")]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote a copy of .*legacy in .*legacy-ims \(4 files ours or changed\): Bearer auth, auto-auth script, 401 watcher and Authenticate folder; 2 requests use the collection's token; 3 warnings above\n$/,
    );
    expect(readTree(dir)).toEqual(ACME_BRU);
    expect(readTree(temp.path("legacy-ims"))["collection.bru"]).toContain("auth:bearer {\n  token: {{ACCESS_TOKEN}}\n}");
  });

  it("a folder that is no collection: error: ERR_INPUT_FILE naming what it lacks, exit 1, nothing written", async () => {
    const dir = temp.path("notes");
    writeTree(dir, { "notes.md": "# notes\n" });
    const result = await runMain(["inject", "--target", "bruno", dir, "--in-place"]);
    expect([result.code, result.stdout]).toEqual([1, ""]);
    expect(result.stderr).toBe(
      `error: ERR_INPUT_FILE: ${dir} is not a Bruno collection folder: it has no opencollection.yml (nor bruno.json, in the older .bru format). Name the folder you open in Bruno (Open Collection).\n`,
    );
    expect(readTree(dir)).toEqual({ "notes.md": "# notes\n" });
  });

  it("an unknown target is ERR_INVALID_OPTION", async () => {
    const result = await runMain(["inject", "--target", "insomnia", temp.path("acme"), "--in-place"]);
    expect([result.code, result.stderr]).toEqual([1, 'error: ERR_INVALID_OPTION: --target is "insomnia": use postman or bruno.\n']);
  });
});
