// `verify`: our scripts byte for byte against this version's build, edits found with the first difference,
// other code listed, and --print-engine showing the engine's readable source.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot, sandboxDir } from "../../src/files/paths.js";
import { injectAuth } from "../../src/inject/inject.js";
import { currentDigests, DIGESTS_FILE, packageVersion } from "../../src/verify/builds.js";
import { readJson, tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { realisticCollection } from "../helpers/realistic-collection.js";

const root = packageRoot();
const COLLECTION = join(root, "collections", "adobe-ims.postman_collection.json");
const version = packageVersion();
const temp = tempDir("cli-verify");
afterAll(() => temp.remove());

type Json = { event?: Array<{ listen: string; script: { exec: string[] } }>; item?: Json[]; name?: string };

/** The committed collection, with `change` applied to its collection-level script. */
function withCollectionScript(change: (exec: string[]) => string[], name: string): string {
  const collection = readJson<Json>(COLLECTION);
  const event = collection.event![0]!;
  event.script.exec = change(event.script.exec);
  const file = temp.path(name);
  writeFileSync(file, JSON.stringify(collection, null, "\t"));
  return file;
}

describe("postman-ims-auth verify", () => {
  it("finds every script of the committed collection byte for byte what this version builds", async () => {
    const result = await runMain(["verify", COLLECTION]);
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split("\n");
    expect(rows.filter((row) => row.startsWith("matches "))).toHaveLength(9);
    expect(rows[0]).toMatch(
      new RegExp(`^matches +auto-auth +collection pre-request script: byte for byte what postman-ims-auth ${version} builds$`),
    );
    expect(rows.at(-1)).toContain(`9 script(s) of postman-ims-auth: 9 match postman-ims-auth ${version}; 0 part(s) not ours`);
  });

  it("in an injected collection, checks our blocks and lists the collection's own code as not ours", async () => {
    const file = temp.path("injected.json");
    writeFileSync(file, JSON.stringify(injectAuth(realisticCollection() as never).collection, null, "\t"));
    const result = await runMain(["verify", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^matches +auto-auth +collection pre-request script/m);
    expect(result.stdout).toMatch(
      /^foreign +- +collection pre-request script: lines? \d+(-\d+)?: not from postman-ims-auth \(not checked\)$/m,
    );
  });

  it("reports a changed character with its line and column, and exits 1", async () => {
    const file = withCollectionScript(
      (exec) => [...exec.slice(0, -1), exec.at(-1)!.replace("ERR_SCRIPT_INTEGRITY", "ERR_SCRIPT_INTEGRITX")],
      "edited.json",
    );
    const result = await runMain(["verify", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^changed +auto-auth +collection pre-request script: changed since built: line \d+, column \d+: it has ".*INTEGRITX.*" where 0\.1\.0 builds ".*INTEGRITY.*"$/m,
    );
    expect(result.stdout).toContain("1 changed");
  });

  it("finds our code whose header was removed, and a script from a version it keeps no digests for", async () => {
    const headless = withCollectionScript((exec) => [exec.at(-1)!], "headless.json");
    const first = await runMain(["verify", headless]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /^changed +- +collection pre-request script: line 1: code of postman-ims-auth without its header \(edited\)$/m,
    );
    const other = withCollectionScript((exec) => [exec[0]!.replace(` ${version} `, " 9.9.9 "), ...exec.slice(1)], "newer.json");
    const second = await runMain(["verify", other]);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(
      /^unverified +auto-auth +collection pre-request script: built by postman-ims-auth 9\.9\.9, for which .* keeps no digests/m,
    );
  });

  it("--print-engine writes the readable engine, the code minified into the carried one; the report goes to stderr", async () => {
    const result = await runMain(["verify", "--print-engine", COLLECTION]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(sandboxDir(), "engine.readable.js"), "utf8"));
    expect(result.stderr).toMatch(/^engine SHA-256 [0-9a-f]{64}, carried by .*\(auto-auth\);.*\(jwt-exchange\): this version's engine/m);
  });

  it("--print-engine on a script whose engine was swapped prints that engine as carried, and says it is not this version's", async () => {
    const swapped = `${readFileSync(join(sandboxDir(), "engine.js"), "latin1")}/* swapped */`;
    const blob = deflateRawSync(Buffer.from(swapped, "latin1")).toString("base64");
    const file = withCollectionScript(
      (exec) => [...exec.slice(0, -1), exec.at(-1)!.replace(/"[A-Za-z0-9+/]{1000,}={0,2}"/, JSON.stringify(blob))],
      "swapped.json",
    );
    const result = await runMain(["verify", "--print-engine", file]);
    expect(result.code).toBe(1);
    // The JWT request still carries this version's engine: both are printed, each once.
    expect(result.stdout.startsWith(`${swapped}\n`)).toBe(true);
    expect(result.stdout.slice(swapped.length + 1)).toBe(readFileSync(join(sandboxDir(), "engine.readable.js"), "utf8"));
    expect(result.stderr).toMatch(/^changed +auto-auth /m);
    expect(result.stderr).toMatch(
      /^engine SHA-256 [0-9a-f]{64}, carried by .*\(auto-auth\): not this version's engine: printed as carried \(minified\)$/m,
    );
  });

  it("refuses what is not a collection, with ERR_INPUT_FILE", async () => {
    const notJson = temp.path("x.json");
    writeFileSync(notJson, "{");
    for (const [file, message] of [
      [notJson, "is not JSON"],
      [
        temp.dir,
        "is a directory but not a Postman v3 collection folder: verify reads collection files (.json) and v3 folders; Bruno collections are not supported yet.",
      ],
      [join(root, "package.json"), 'is not a Postman collection (no "item" list)'],
    ] as const) {
      const result = await runMain(["verify", file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error: ERR_INPUT_FILE: ${file} ${message}`);
    }
  });
});

describe(DIGESTS_FILE, () => {
  it("holds this version's digests as built (npm run build records them; earlier versions' entries are kept)", () => {
    const recorded = JSON.parse(readFileSync(join(root, DIGESTS_FILE), "utf8")) as Record<string, Record<string, string>>;
    expect(recorded[version]).toEqual(currentDigests());
  });
});
