// The package as npm publishes it: packed (prepack builds), installed into another project, its CLI works
// from there without Newman (an optional peer dependency only `demo` loads), and it ships nothing that
// needs a devDependency.

import { execFile } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brunoFiles } from "../../src/generator/bruno/bruno-collection.js";
import { packageRoot } from "../../src/files/paths.js";
import { readJson, runCli, tempDir } from "../helpers/cli.js";
import { environmentFile, workspace } from "../helpers/credential-files.js";
import { startEmulator } from "../helpers/emulator.js";
import { realisticCollection } from "../helpers/realistic-collection.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const temp = tempDir("cli-package");
let files: string[] = [];
let bin = "";
let installed = "";

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
  installed = join(project, "node_modules", "postman-ims-auth");
}, 300_000);
afterAll(() => temp.remove());

describe("the packed package", () => {
  it("holds the entry's types, built by prepack", () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { exports: { ".": { types: string } } };
    const types = pkg.exports["."].types.replace(/^\.\//, "");
    expect(files).toContain(types);
    expect(readFileSync(join(packageRoot(), types), "utf8")).toMatch(/export \{ getAccessToken,/);
  });

  it("holds the compiled scripts, the generator and the CLI, and no tests or sources", () => {
    for (const file of [
      "dist/node/cli/main.js",
      "dist/node/inject/inject.js",
      "dist/node/generator/collection/collection.js",
      "dist/sandbox/auto-auth.js",
      "dist/sandbox/401-watcher.js",
      "dist/sandbox/engine.readable.js",
      "dist/node/verify/verify.js",
      "package.json",
      "README.md",
      "docs/troubleshooting.md",
      "LICENSE",
      "THIRD_PARTY_NOTICES",
      "script-digests.json",
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

  it("installed in another project, `generate --target bruno` writes the Bruno folder this repository commits", async () => {
    const project = temp.path("project-bruno");
    mkdirSync(project, { recursive: true });
    const result = await runCli(["generate", "--target", "bruno", "--out", "out"], { cwd: project, entry: bin });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const [relative, text] of brunoFiles()) expect(readFileSync(join(project, "out", "adobe-ims", relative), "utf8")).toBe(text);
  });

  it("installed in another project, `verify` finds the package's own collection what it builds", async () => {
    const project = temp.path("project");
    const shipped = join("node_modules", "postman-ims-auth", "collections", "adobe-ims.postman_collection.json");
    const result = await runCli(["verify", shipped], { cwd: project, entry: bin });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: 9 script\(s\) of postman-ims-auth: 9 match postman-ims-auth \d+\.\d+\.\d+;/);
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

  it("ships no bench and nothing that imports a devDependency; Newman only by dynamic import", () => {
    const manifest = readJson<{ dependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> }>(
      join(installed, "package.json"),
    );
    const dependencies = new Set(Object.keys(manifest.dependencies));
    const optionalPeers = new Set(
      Object.entries(manifest.peerDependenciesMeta)
        .filter(([, meta]) => meta.optional)
        .map(([name]) => name),
    );
    expect([...optionalPeers]).toEqual(["newman"]);
    expect(files.filter((file) => /^dist\/node\/bench\/|runtime-run/.test(file))).toEqual([]);
    const builtin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);
    const packageOf = (specifier: string) =>
      specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/");
    const wrong: string[] = [];
    const lazy: string[] = [];
    for (const file of files.filter((path) => path.startsWith("dist/node/") && path.endsWith(".js"))) {
      const code = readFileSync(join(installed, file), "utf8");
      for (const [, specifier] of code.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
        if (specifier && !specifier.startsWith(".") && !builtin(specifier) && !dependencies.has(packageOf(specifier)))
          wrong.push(`${file}: ${specifier}`);
      }
      for (const [, specifier] of code.matchAll(/\b(?:import|require)\(\s*"([^"]+)"\s*\)/g)) {
        if (!specifier || specifier.startsWith(".") || builtin(specifier) || dependencies.has(packageOf(specifier))) continue;
        if (optionalPeers.has(packageOf(specifier))) lazy.push(file);
        else wrong.push(`${file}: ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(lazy).toEqual(["dist/node/runner/load-newman.js"]);
  });

  it("installing it does not install Newman", () => {
    expect(existsSync(join(installed, "package.json"))).toBe(true);
    expect(existsSync(temp.path("project", "node_modules", "newman"))).toBe(false);
  });

  it("installed without Newman, `token` gets a token from IMS", async () => {
    const ctx = await startEmulator({ scopes: ["openid", "AdobeID"] });
    const files = workspace("package-token-");
    try {
      const file = files.write(
        "s2s.postman_environment.json",
        environmentFile(ctx.emulator, ctx.credential, { PRIVATE_KEY: "", META_SCOPE: "" }),
      );
      const result = await runCli(["token", "--env", file, "--ca", ctx.caFile], { cwd: temp.path("project"), entry: bin });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ accessToken: ctx.emulator.issuedTokens[0], flow: "s2s" });
    } finally {
      files.remove();
      await ctx.close();
    }
  });

  it("installed without Newman, `demo` fails with a coded message that says how to install it", async () => {
    const result = await runCli(["demo"], { cwd: temp.path("project"), entry: bin });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^error: ERR_NEWMAN_MISSING: demo runs the collection with Newman, which is not installed: .*npm install newman@6\.2\.2.*\n$/,
    );
  });
});
