// Compiles the sandbox scripts into self-contained, minified IIFEs. The slow path (the "engine", with
// jsrsasign's RSA-only build) is built first and carried compressed inside the scripts that need it.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import type { Plugin, RollupOptions } from "rollup";

const ENGINE_FILE = "dist/sandbox/engine.js";

const plugins = (preamble: string, extra: Plugin[] = []) => [
  ...extra,
  typescript({
    tsconfig: "./tsconfig.json",
    include: ["src/core/**/*.ts", "src/sandbox/**/*.ts"],
    compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2020", noEmit: false, declaration: false },
  }),
  nodeResolve({ browser: false, preferBuiltins: false }),
  commonjs(),
  terser({ format: { comments: false, preamble, ascii_only: true }, compress: { passes: 2 } }),
];

/**
 * Whole modules of jsrsasign's RSA build that reading an RSA key and signing RS256 never reach:
 * CryptoJS's 64-bit words, ciphers, SHA-1 and SHA-384/512, and KJUR.asn1's DER encoders (keys are
 * read by ASN1HEX). The signer itself is jsrsasign's, untouched. Each must be found exactly once,
 * or the build stops: another jsrsasign version needs a fresh look (and the engine tests).
 */
const UNUSED_JSRSASIGN_PARTS: ReadonlyArray<{ readonly name: string; readonly start: RegExp }> = [
  { name: "CryptoJS x64-core", start: /^CryptoJS v3\.1\.2 x64-core-min\.js$/ },
  { name: "CryptoJS cipher-core", start: /^CryptoJS v3\.1\.2 cipher-core\.js$/ },
  { name: "CryptoJS sha1", start: /^CryptoJS v3\.1\.2 sha1-min\.js$/ },
  { name: "CryptoJS sha512", start: /^CryptoJS v3\.1\.2 sha512-min\.js$/ },
  { name: "KJUR.asn1 encoders", start: /^if\(typeof KJUR=="undefined"\|\|!KJUR\)\{KJUR=\{\}\}if\(typeof KJUR\.asn1=="undefined"/ },
];

/**
 * The library without UNUSED_JSRSASIGN_PARTS. A CryptoJS module runs from the "/*" line before its
 * title to the next "/*" line; the KJUR.asn1 encoders are one line.
 */
function withoutUnusedParts(library: string, fail: (message: string) => never): string {
  const lines = library.split("\n");
  const drop = new Set<number>();
  for (const part of UNUSED_JSRSASIGN_PARTS) {
    const found = lines.flatMap((line, index) => (part.start.test(line) ? [index] : []));
    if (found.length !== 1) fail(`jsrsasign: expected "${part.name}" once in the RSA build, found it ${found.length} times`);
    const at = found[0]!;
    if (lines[at - 1] === "/*") {
      let end = at + 1;
      while (end < lines.length && !lines[end]!.startsWith("/*")) end++;
      for (let index = at - 1; index < end; index++) drop.add(index);
    } else {
      drop.add(at);
    }
  }
  return lines.filter((_, index) => !drop.has(index)).join("\n");
}

/**
 * `jsrsasign` in the sandbox is its RSA-only build (a third of the full library) less the parts
 * above: a script, so it is wrapped as a module here, with the `navigator` and `window` it reads at
 * load kept in its scope.
 */
function jsrsasignRsa(): Plugin {
  const id = "\0jsrsasign-rsa";
  return {
    name: "jsrsasign-rsa",
    resolveId: (source) => (source === "jsrsasign" ? id : null),
    load(loading) {
      if (loading !== id) return null;
      const library = withoutUnusedParts(readFileSync("node_modules/jsrsasign/lib/jsrsasign-rsa-min.js", "utf8"), (message) => this.error(message));
      return [
        'var navigator = { appName: "Netscape", userAgent: false }, window = {};',
        library,
        "export { RSAKey, b64toutf8, pemtohex, b64utohex, hextob64u, utf8tob64u };",
      ].join("\n");
    },
  };
}

/** `virtual:engine`: the engine built just before (rollup builds configurations in order), deflated, with its digest. */
function engineBlob(): Plugin {
  const id = "\0virtual:engine";
  return {
    name: "engine-blob",
    resolveId: (source) => (source === "virtual:engine" ? id : null),
    load(loading) {
      if (loading !== id) return null;
      const source = readFileSync(ENGINE_FILE, "latin1");
      if (/[^\x00-\x7f]/.test(source)) this.error("the engine must be ASCII (terser ascii_only)");
      const digest = createHash("sha256").update(source, "latin1").digest("hex");
      const blob = deflateRawSync(Buffer.from(source, "latin1"), { level: 9 }).toString("base64");
      return `export const ENGINE_BLOB = ${JSON.stringify(blob)}; export const ENGINE_SIZE = ${source.length}; export const ENGINE_DIGEST = ${JSON.stringify(digest)};`;
    },
  };
}

const engine: RollupOptions = {
  input: "src/sandbox/engine.ts",
  output: { file: ENGINE_FILE, format: "iife", name: "__imsAuthEngine", strict: true },
  plugins: plugins("/*! postman-ims-auth engine. Includes jsrsasign (MIT License, Kenji Urushima). */", [jsrsasignRsa()]),
};

/** Scripts that go into collections: one IIFE each, no globals, nothing imported or fetched at run time. */
const scripts = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "api-response"].map(
  (name): RollupOptions => ({
    input: `src/sandbox/${name}.ts`,
    output: { file: `dist/sandbox/${name}.js`, format: "iife", strict: true },
    plugins: plugins(`/*! postman-ims-auth ${name} */`, [engineBlob()]),
  }),
);

export default [engine, ...scripts];
