// TypeScript → JavaScript one file at a time, without type-checking (that is `npm run typecheck`'s job):
// a rollup plugin for the sandbox scripts and the config (dist/node is esbuild's: scripts/compile.mjs).

import { createRequire } from "node:module";

// Required, not imported: importing a CommonJS module scans its 9 MB for named exports first (0.4 s a process).
const ts = createRequire(import.meta.url)("typescript");

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  esModuleInterop: true,
  sourceMap: false,
};

/** One module's JavaScript; syntax errors fail the build, type errors are left to `npm run typecheck`. */
function transpile(code, fileName, target = ts.ScriptTarget.ES2022) {
  const out = ts.transpileModule(code, { fileName, reportDiagnostics: true, compilerOptions: { ...OPTIONS, target } });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ");
    throw new Error(`${fileName}: ${text}`);
  }
  return out.outputText;
}

/** What the plugin transpiled in this process, by file and target: the 14 builds of one compile share most modules. */
const transpiled = new Map();

/** Rollup plugin: `.ts` modules transpiled; `./x.js` imports resolved to `./x.ts` as TypeScript's NodeNext rules allow. */
export default function transpilePlugin({ target = ts.ScriptTarget.ES2020 } = {}) {
  return {
    name: "transpile-typescript",
    async resolveId(source, importer, options) {
      if (importer === undefined || !source.startsWith(".") || !source.endsWith(".js")) return null;
      const resolved = await this.resolve(`${source.slice(0, -3)}.ts`, importer, { ...options, skipSelf: true });
      return resolved ?? null;
    },
    transform(code, id) {
      if (!id.endsWith(".ts") || id.endsWith(".d.ts")) return null;
      const key = `${target}\0${id}`;
      const known = transpiled.get(key);
      if (known?.source === code) return { code: known.output, map: null };
      const output = transpile(code, id, target);
      transpiled.set(key, { source: code, output });
      return { code: output, map: null };
    },
  };
}
