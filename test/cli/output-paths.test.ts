// One rule for where every command writes: missing folders made, existing files kept unless --force, only regular files replaced; coded errors, no stack.

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";

const temp = tempDir("cli-output");
afterAll(() => temp.remove());

const collection = JSON.stringify({
  info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [],
});
const roster = "name,API_KEY,CLIENT_SECRET\nAna,0123abcd,fake-secret-ana\n";

function setUp(name: string): string {
  const dir = temp.path(name);
  mkdirSync(dir);
  writeFileSync(`${dir}/a-file`, "not a folder");
  writeFileSync(`${dir}/c.json`, collection);
  writeFileSync(`${dir}/class.csv`, roster);
  writeFileSync(`${dir}/target.txt`, "keep me");
  return dir;
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |node:internal|Error: E[A-Z]+:/);

describe("every command makes the folders its output needs", () => {
  it.each([
    ["env", ["env", "-o", "missing-dir/x.json"], "missing-dir/x.json"],
    ["inject", ["inject", "c.json", "-o", "nodir/c.json"], "nodir/c.json"],
    ["roster", ["roster", "class.csv", "-o", "deep/students"], "deep/students/Ana.postman_environment.json"],
    ["generate", ["generate", "--out", "new/out"], "new/out/collections/adobe-ims.postman_collection.json"],
  ])("%s", async (name, args, written) => {
    const dir = setUp(`make-${name}`);
    const result = await runMain(args, { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(`${dir}/${written}`)).toBe(true);
  });
});

describe("a file where a folder must be is ERR_OUTPUT_PATH, with no stack trace", () => {
  it.each([
    [
      "env",
      ["env", "-o", "a-file/x.json"],
      /^error: ERR_OUTPUT_PATH: a-file\/x\.json cannot be made: part of its path is a file, not a folder; nothing was written\./,
    ],
    ["inject", ["inject", "c.json", "-o", "a-file/c.json"], /^error: ERR_OUTPUT_PATH: a-file\/c\.json cannot be made/],
    [
      "generate",
      ["generate", "--out", "a-file"],
      /^error: ERR_OUTPUT_PATH: a-file is a file, not a folder; nothing was written\. Choose another place/,
    ],
    ["roster", ["roster", "class.csv", "-o", "a-file"], /^error: ERR_OUTPUT_PATH: a-file is a file, not a folder; nothing was written\./],
  ])("%s", async (name, args, message) => {
    const dir = setUp(`file-${name}`);
    const result = await runMain(args, { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    noStack(result.stderr);
  });
});

describe("--force replaces only regular files: a symbolic link is refused and its target kept", () => {
  it.each([
    ["env", ["env", "-o", "link.json", "--force"], "link.json"],
    ["inject", ["inject", "c.json", "-o", "link.json", "--force"], "link.json"],
    ["roster", ["roster", "class.csv", "-o", ".", "--force"], "Ana.postman_environment.json"],
    ["generate", ["generate", "--force"], "collections/adobe-ims.postman_collection.json"],
  ])("%s", async (name, args, link) => {
    const dir = setUp(`link-${name}`);
    if (link.includes("/")) mkdirSync(`${dir}/collections`);
    symlinkSync(`${dir}/target.txt`, `${dir}/${link}`);
    const result = await runMain(args, { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: ERR_OUTPUT_PATH: .* is a symbolic link, and only a regular file is ever replaced \(--force included\); nothing was written\./,
    );
    expect(readFileSync(`${dir}/target.txt`, "utf8")).toBe("keep me");
  });
});

describe("generate over files that exist", () => {
  it("leaves files that already hold what it writes, refuses an environment template someone filled in, and replaces it with --force", async () => {
    const dir = setUp("generate-again");
    expect((await runMain(["generate"], { cwd: dir })).code).toBe(0);
    const again = await runMain(["generate"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^wrote 0 files in \.; 4 unchanged\n$/);

    const template = `${dir}/environments/workshop.postman_environment.json`;
    const filled = readFileSync(template, "utf8").replace(
      '"key": "API_KEY",\n      "value": ""',
      '"key": "API_KEY",\n      "value": "0123abcd"',
    );
    expect(filled).toContain("0123abcd");
    writeFileSync(template, filled);
    const refused = await runMain(["generate"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: ERR_OUTPUT_EXISTS: \.: 1 file exists and differs from what generate writes .*nothing was written.*--force\):\n {2}environments\/workshop\.postman_environment\.json\n$/s,
    );
    expect(readFileSync(template, "utf8")).toBe(filled);

    const forced = await runMain(["generate", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^wrote 1 files in \.: environments\/workshop\.postman_environment\.json; 3 unchanged\n$/);
    expect(readFileSync(template, "utf8")).not.toContain("0123abcd");
  });
});
