// Compiles the sandbox scripts into self-contained, minified IIFEs that carry jsrsasign.

import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import type { RollupOptions } from "rollup";

const banner = "/*! postman-ims-auth: Adobe IMS authentication for Postman. Includes jsrsasign (MIT License, Kenji Urushima). */";

const plugins = () => [
  typescript({
    tsconfig: "./tsconfig.json",
    include: ["src/core/**/*.ts", "src/sandbox/**/*.ts"],
    compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2020", noEmit: false, declaration: false },
  }),
  nodeResolve({ browser: false, preferBuiltins: false }),
  commonjs(),
  terser({ format: { comments: false, preamble: banner }, compress: { passes: 2 } }),
];

/** Scripts that go into collections: one IIFE each, no globals, nothing imported at run time. */
const scripts = ["jwt-exchange", "token-response"].map(
  (name): RollupOptions => ({
    input: `src/sandbox/${name}.ts`,
    output: { file: `dist/sandbox/${name}.js`, format: "iife", strict: true },
    plugins: plugins(),
  }),
);

/** The same signing code and jsrsasign, as a module, so tests can drive the bundled signer directly. */
const signer: RollupOptions = {
  input: "src/core/signer.ts",
  output: { file: "dist/sandbox/signer.cjs", format: "cjs", exports: "named" },
  plugins: plugins(),
};

export default [...scripts, signer];
