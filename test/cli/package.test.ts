// The package as npm publishes it: packed, installed into another project, its CLI works from there.

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/generator/files/paths.js";
import { readJson, runCli, tempDir } from "../helpers/cli.js";
import { realisticCollection } from "../helpers/realistic-collection.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const temp = tempDir("cli-package");
let files: string[] = [];
let bin = "";

beforeAll(async () => {
  const packed = await exec(npm, ["pack", "--json", "--pack-destination", temp.dir], { cwd: packageRoot() });
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((file) => file.path);
  const project = temp.path("project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-postman-ims-auth", version: "1.0.0", private: true }));
  // Dependencies from npm's cache where it has them (npm ci filled it), else from the registry.
  await exec(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", join(temp.dir, info!.filename)], {
    cwd: project,
    timeout: 240_000,
  });
  bin = join(project, "node_modules", ".bin", "postman-ims-auth");
}, 300_000);
afterAll(() => temp.remove());

describe("the packed package", () => {
  it("holds the compiled scripts, the generator and the CLI, and no tests or sources", () => {
    for (const file of [
      "dist/node/cli/main.js",
      "dist/node/inject/inject.js",
      "dist/node/generator/collection/collection.js",
      "dist/sandbox/auto-auth.js",
      "dist/sandbox/api-response.js",
      "package.json",
      "README.md",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /^(test|src|examples)\//.test(file) || /\.test\.|\.ts$/.test(file.replace(/\.d\.ts$/, "")))).toEqual([]);
  });

  it("installed in another project, `generate` writes valid files there", async () => {
    expect(existsSync(bin)).toBe(true);
    const project = temp.path("project");
    const result = await runCli(["generate", "--out", "out"], { cwd: project, entry: bin });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(join(project, "out", "environments")).length).toBe(3);
    expect(collectionSchemaErrors(readJson(join(project, "out", "collections", "adobe-ims.postman_collection.json")))).toEqual([]);
  });

  it("installed in another project, `inject` adds the auth to a collection there", async () => {
    const project = temp.path("project");
    writeFileSync(join(project, "acme.json"), JSON.stringify(realisticCollection(), null, "\t"));
    const result = await runCli(["inject", "acme.json", "-o", "acme-ims.json"], { cwd: project, entry: bin });
    expect(result.code).toBe(0);
    const injected = readJson<{ item: Array<{ name: string }> }>(join(project, "acme-ims.json"));
    expect(injected.item[0]?.name).toBe("Authenticate");
    expect(collectionSchemaErrors(injected)).toEqual([]);
  });
});
