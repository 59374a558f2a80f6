// Types of scripts/transpile.mjs, for rollup.config.ts and the typecheck.
import type { Plugin } from "rollup";
export function transpile(code: string, fileName: string, target?: number): string;
export default function transpilePlugin(options?: { target?: number }): Plugin;
