// Compiles the sandbox scripts into self-contained, minified IIFEs; only the signer carries jsrsasign.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import type { Plugin, RollupOptions } from "rollup";

const SIGNER_FILE = "dist/sandbox/signer.js";
const SIGNER_VARIABLE = "IMS_AUTH_SIGNER";

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
 * `virtual:signer` gives the scripts the SHA-256 of the signer built just before them (rollup
 * builds the configurations in order), and leaves a manifest for the generator.
 */
function signerDigest(): Plugin {
  return {
    name: "signer-digest",
    resolveId: (id) => (id === "virtual:signer" ? "\0virtual:signer" : null),
    load(id) {
      if (id !== "\0virtual:signer") return null;
      const sha256 = createHash("sha256").update(readFileSync(SIGNER_FILE, "utf8"), "utf8").digest("hex");
      writeFileSync("dist/sandbox/signer.manifest.json", `${JSON.stringify({ variable: SIGNER_VARIABLE, sha256 }, null, 2)}\n`);
      return `export const SIGNER_DIGEST = ${JSON.stringify(sha256)}; export const SIGNER_VARIABLE = ${JSON.stringify(SIGNER_VARIABLE)};`;
    },
  };
}

/** jsrsasign and our key code, evaluated by the scripts only after a digest check, only when a JWT is signed. */
const signer: RollupOptions = {
  input: "src/core/signer.ts",
  output: { file: SIGNER_FILE, format: "iife", name: "__imsAuthSigner", strict: true },
  plugins: plugins("/*! postman-ims-auth JWT signer. Includes jsrsasign (MIT License, Kenji Urushima). */"),
};

/** Scripts that go into collections: one IIFE each, no globals, nothing imported at run time. */
const scripts = ["auto-auth", "api-response", "jwt-exchange", "s2s-exchange", "token-response"].map(
  (name): RollupOptions => ({
    input: `src/sandbox/${name}.ts`,
    output: { file: `dist/sandbox/${name}.js`, format: "iife", strict: true },
    plugins: plugins(`/*! postman-ims-auth ${name} */`, [signerDigest()]),
  }),
);

export default [signer, ...scripts];
