// Types of scripts/transpile.mjs, for rollup.config.ts and the typecheck.
import type { Plugin } from "rollup";
export default function transpilePlugin(options?: { target?: number }): Plugin;
