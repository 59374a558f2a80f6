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
import { packageRoot, sandboxDir } from "../../src/files/paths.js";
import { MEMO_VARIABLE } from "../../src/sandbox/renewal/failure-memo.js";
import { bindingValue } from "../../src/core/ims/token-binding.js";
import { type HarnessCase, ScriptHarness } from "../helpers/sandbox-harness.js";
import { VALID_JWT_VARIABLES } from "../helpers/variables.js";

const root = packageRoot();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; license: string; files: string[] };
const NAMES: ScriptName[] = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "401-watcher", "sample-guard"];
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
    expect(named.length).toBeGreaterThan(name === "401-watcher" ? 0 : 1);
    for (const variable of named) expect([...Object.keys(VARIABLES), MEMO_VARIABLE]).toContain(variable);
  });

  it("the scripts that carry the engine give its SHA-256, the one compiled into their code", () => {
    for (const name of ["auto-auth", "jwt-exchange"] as const) {
      expect(header(name)).toContain(`Engine: SHA-256 ${engineDigest}, ${engine.length} bytes`);
      expect(scriptSource(name).slice(header(name).length)).toContain(`"${engineDigest}"`);
    }
    for (const name of ["s2s-exchange", "token-response", "401-watcher", "sample-guard"] as const)
      expect(header(name)).not.toContain("Engine:");
  });

  it("names the third-party code a script carries, and says so when there is none", () => {
    for (const name of ["auto-auth", "jwt-exchange"] as const) {
      // Wrapped at 112 columns: compared with the line breaks and " * " prefixes taken out.
      const includes = header(name).replace(/\n \*\s+/g, " ");
      expect(includes).toMatch(
        new RegExp(
          [
            "Includes: @noble/ciphers \\S+ \\(c\\) Paul Miller, Thomas Pornin, MIT; @noble/hashes \\S+ \\(c\\) Paul Miller, MIT;",
            "des\\.js \\S+ \\(c\\) Fedor Indutny, MIT; inherits \\S+ \\(c\\) Isaac Z\\. Schlueter, ISC;",
            "jsrsasign \\S+ \\(c\\) Kenji Urushima, MIT;.* minimalistic-assert \\S+ \\(c\\) Calvin Metcalf, ISC;",
            "tiny-inflate \\S+ \\(c\\) Devon Govett, MIT\\.",
          ].join(" "),
        ),
      );
    }
    // token-response keys a refusal by the credential's SHA-256 (configurationKey).
    expect(header("token-response")).toMatch(/Includes: @noble\/hashes \S+ \(c\) Paul Miller, MIT\. Full texts/);
    for (const name of ["s2s-exchange", "401-watcher", "sample-guard"] as const) {
      expect(header(name)).toContain("Includes: no third-party code.");
    }
  });
});

/** The variable names a header lists after a label ("Reads:", "to get a token also", "Writes:"), up to the next label. */
function listed(text: string, from: string, to: string): string[] {
  const start = text.indexOf(from);
  if (start < 0) return [];
  const end = text.indexOf(to, start + from.length);
  return [...text.slice(start + from.length, end < 0 ? undefined : end).matchAll(/\b[A-Z][A-Z0-9_]*\b/g)].map((match) => match[0]);
}

const S2S = {
  IMS: "ims-na1.adobelogin.com",
  API_KEY: "0123456789abcdef0123456789abcdef",
  CLIENT_SECRET: "p8e-FAKE-SECRET-value",
  SCOPES: "openid",
};
const CASES: Record<string, HarnessCase[]> = {
  "auto-auth": [
    // The fast path: a token with time left, bound to these (no) credential variables.
    {
      variables: {
        ACCESS_TOKEN: "fake",
        ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + 3_600_000),
        ACCESS_TOKEN_BINDING: bindingValue("fake", () => undefined),
      },
    },
    { variables: {} },
    { variables: { ...VALID_JWT_VARIABLES, PRIVATE_KEY_PASSPHRASE: "x", AUTH_FLOW: "jwt" } },
    { variables: S2S, ims: () => ({ status: 200, body: JSON.stringify({ access_token: "fake", expires_in: 86399 }) }) },
  ],
  "jwt-exchange": [
    { variables: VALID_JWT_VARIABLES, path: "/ims/exchange/jwt" },
    { variables: S2S, path: "/ims/exchange/jwt" },
  ],
  "s2s-exchange": [
    { variables: S2S, path: "/ims/token/v3" },
    { variables: VALID_JWT_VARIABLES, path: "/ims/token/v3" },
  ],
  "token-response": [
    { variables: {}, path: "/ims/token/v3", response: { status: 200, body: JSON.stringify({ access_token: "fake", expires_in: 86399 }) } },
    { variables: {}, path: "/ims/token/v3", response: { status: 400, body: JSON.stringify({ error: "invalid_client" }) } },
  ],
  "401-watcher": [
    { variables: {}, response: { status: 401 } },
    { variables: { ACCESS_TOKEN: "fake" }, headers: { Authorization: "Bearer fake" }, response: { status: 401 } },
  ],
};

describe("what a header says a script reads and writes", () => {
  it.each(Object.keys(CASES))("%s reads and writes no variable its header does not list", (name) => {
    const text = header(name as ScriptName);
    const reads = [...listed(text, " * Reads:", " * Writes:")];
    const writes = listed(text, " * Writes:", " * ");
    const harness = new ScriptHarness(name);
    const read = new Set<string>();
    const written = new Set<string>();
    for (const testCase of CASES[name]!) {
      const outcome = harness.run(testCase);
      for (const variable of outcome.read) read.add(variable);
      for (const variable of Object.keys(outcome.stored)) written.add(variable);
    }
    expect([...read].filter((variable) => !reads.includes(variable))).toEqual([]);
    expect([...written].filter((variable) => !writes.includes(variable))).toEqual([]);
    if (name !== "401-watcher") expect(read.size).toBeGreaterThan(0);
  });

  it("auto-auth's fast path reads only what its header lists before the slow path's variables", () => {
    const reads = listed(header("auto-auth"), " * Reads:", "to get a token also");
    const outcome = new ScriptHarness("auto-auth").run(CASES["auto-auth"]![0]!);
    expect(outcome.sent).toEqual([]);
    expect([...new Set(outcome.read)].filter((variable) => !reads.includes(variable))).toEqual([]);
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
    for (const name of ["tiny-inflate", "@noble/hashes", "@noble/ciphers", "inherits", "minimalistic-assert"]) {
      expect(notices).toContain(readFileSync(join(root, "node_modules", name, "LICENSE"), "utf8").trim());
    }
    // des.js ships no licence file: its README's LICENSE section is the text.
    const desReadme = readFileSync(join(root, "node_modules", "des.js", "README.md"), "utf8");
    expect(notices).toContain(desReadme.slice(desReadme.indexOf("This software is licensed")).trim());
  });
});
