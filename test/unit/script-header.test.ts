// Every emitted script opens with a readable header, the readable engine is exactly what was minified,
// and the licences of what the scripts carry are in the repository and the package.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { describe, expect, it } from "vitest";
import { minifyOptions } from "../../scripts/minify-options.js";
import { THIRD_PARTY } from "../../scripts/third-party.js";
import { VARIABLES } from "../../src/core/config/variables.js";
import { type ScriptName, scriptSource } from "../../src/generator/collection/scripts.js";
import { packageRoot, sandboxDir } from "../../src/generator/files/paths.js";
import { MEMO_VARIABLE } from "../../src/sandbox/renewal/failure-memo.js";

const root = packageRoot();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; license: string; files: string[] };
const NAMES: ScriptName[] = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "api-response", "sample-guard"];
const engine = readFileSync(join(sandboxDir(), "engine.js"), "latin1");
const engineDigest = createHash("sha256").update(engine, "latin1").digest("hex");

function header(name: ScriptName): string {
  const source = scriptSource(name);
  return source.slice(0, source.indexOf("*/") + 2);
}

describe("the header of every emitted script", () => {
  it.each(NAMES)("%s: what it is, the version, its source, what it reads and writes, its notices, how to verify it", (name) => {
    const text = header(name);
    expect(text.split("\n")[0]).toMatch(new RegExp(`^/\\*! postman-ims-auth ${pkg.version.replace(/\./g, "\\.")} ${name}: the \\S`));
    expect(text).toContain(`src/sandbox/scripts/${name}.ts of the postman-ims-auth package ${pkg.version}; Apache-2.0 (LICENSE)`);
    expect(text).toMatch(/\n \* Reads: /);
    expect(text).toMatch(/\n \* Writes: /);
    expect(text).toMatch(/\n \* Includes: /);
    expect(text).toContain("postman-ims-auth verify COLLECTION.json");
    // Nothing after the header but the one line of minified code.
    expect(scriptSource(name).slice(text.length).trimEnd().split("\n")).toHaveLength(2);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(150);
  });

  it.each(NAMES)("%s: every variable its header names is one the collection knows", (name) => {
    const text = header(name);
    const touched = text.slice(text.indexOf(" * Reads:"), text.indexOf(" * Source:"));
    const named = [...touched.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bIMS\b/g)].map((match) => match[0]);
    expect(named.length).toBeGreaterThan(name === "api-response" ? 0 : 1);
    for (const variable of named) expect([...Object.keys(VARIABLES), MEMO_VARIABLE]).toContain(variable);
  });

  it("the scripts that carry the engine give its SHA-256, the one compiled into their code", () => {
    for (const name of ["auto-auth", "jwt-exchange"] as const) {
      expect(header(name)).toContain(`Engine: SHA-256 ${engineDigest}, ${engine.length} bytes`);
      expect(scriptSource(name).slice(header(name).length)).toContain(`"${engineDigest}"`);
    }
    for (const name of ["s2s-exchange", "token-response", "api-response", "sample-guard"] as const)
      expect(header(name)).not.toContain("Engine:");
  });

  it("names the third-party code a script carries, and says so when there is none", () => {
    for (const name of ["auto-auth", "jwt-exchange"] as const) {
      expect(header(name)).toMatch(
        /Includes: jsrsasign \d+\.\d+\.\d+ \(c\) Kenji Urushima, MIT;[\s\S]*tiny-inflate \d+\.\d+\.\d+ \(c\) Devon Govett, MIT/,
      );
    }
    for (const name of ["s2s-exchange", "token-response", "api-response", "sample-guard"] as const) {
      expect(header(name)).toContain("Includes: no third-party code.");
    }
  });
});

describe("the readable engine (dist/sandbox/engine.readable.js)", () => {
  it("is the code that was minified: terser with the build's options turns it into the carried engine, byte for byte", async () => {
    const readable = readFileSync(join(sandboxDir(), "engine.readable.js"), "utf8");
    expect(readable).toContain("function buildClaims("); // our names and comments are still there
    expect(readable.length).toBeGreaterThan(engine.length);
    const preamble = engine.slice(0, engine.indexOf("*/") + 2);
    const minified = await minify(readable, minifyOptions(preamble));
    expect(`${minified.code}\n`).toBe(engine);
  });
});

describe("licences", () => {
  const notices = readFileSync(join(root, "THIRD_PARTY_NOTICES"), "utf8");

  it("LICENSE is the Apache License 2.0 that package.json names, and both files ship in the package", () => {
    expect(pkg.license).toBe("Apache-2.0");
    const license = readFileSync(join(root, "LICENSE"), "utf8");
    expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain("END OF TERMS AND CONDITIONS");
    expect(pkg.files).toEqual(expect.arrayContaining(["LICENSE", "THIRD_PARTY_NOTICES"]));
  });

  it("THIRD_PARTY_NOTICES holds the full text for every package the build may bundle into a script, at its installed version", () => {
    for (const name of Object.keys(THIRD_PARTY)) {
      const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string };
      expect(notices).toContain(`\n${name} ${version}\n`);
    }
    expect(notices).toContain("Copyright (c) 2010-2021 Kenji Urushima");
    expect(notices).toContain("Copyright (c) 2003-2005  Tom Wu All Rights Reserved.");
    expect(notices).toContain("Copyright (c) 2009-2013 Jeff Mott");
    expect(notices).toContain(readFileSync(join(root, "node_modules", "tiny-inflate", "LICENSE"), "utf8").trim());
  });
});
