// The figures the documentation quotes, generated: each `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` region
// of README.md and docs/*.md is rendered from the build (dist/sandbox) or the committed benchmark results (docs/figures).

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot, sandboxDir } from "../files/paths.js";
import { type BrunoBenchResults, formatBrunoResults } from "./bruno.js";
import type { BenchResults } from "./results.js";
import { builtBrunoSizes, builtSizes } from "./sizes.js";
import { imsCallsTable, machineLine, perRequestTable, signingTable, sizesTable } from "./table.js";

/** Where `npm run bench` keeps the results the documentation quotes (committed). */
export const figuresDir = (): string => join(packageRoot(), "docs", "figures");
export const benchFile = (): string => join(figuresDir(), "bench.json");
export const brunoBenchFile = (): string => join(figuresDir(), "bench-bruno.json");

/** What the regions are rendered from. */
export interface FigureSources {
  readonly bench: BenchResults;
  readonly brunoBench: BrunoBenchResults;
  /** The text of the built auto-auth script (dist/sandbox/auto-auth.js). */
  readonly autoAuthScript: string;
  readonly sizes: ReturnType<typeof builtSizes>;
  readonly brunoSizes: ReturnType<typeof builtBrunoSizes>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

export function currentSources(): FigureSources {
  return {
    bench: readJson<BenchResults>(benchFile()),
    brunoBench: readJson<BrunoBenchResults>(brunoBenchFile()),
    autoAuthScript: readFileSync(join(sandboxDir(), "auto-auth.js"), "utf8"),
    sizes: builtSizes(),
    brunoSizes: builtBrunoSizes(),
  };
}

/** A caption in bold over its table, as the pages show one. */
const captioned = (text: string): string => {
  const [caption, ...rest] = text.split("\n");
  return `**${caption}**\n\n${rest.join("\n").trimStart()}`;
};

/** Each region's text by its name. */
export function renderFigures(sources: FigureSources): Record<string, string> {
  const header = /^\/\*![\s\S]*?\*\//.exec(sources.autoAuthScript)?.[0];
  if (!header) throw new Error("dist/sandbox/auto-auth.js does not open with its header comment");
  return {
    sizes: sizesTable(sources.sizes),
    "bruno-sizes": sizesTable(sources.brunoSizes),
    "auto-auth-header": ["```", header, "```"].join("\n"),
    "bench-machine": `Measured with \`npm run bench\` on ${machineLine(sources.bench)}`,
    "bench-ims-calls": captioned(imsCallsTable(sources.bench)),
    "bench-per-request": captioned(perRequestTable(sources.bench)),
    "bench-signing": captioned(signingTable(sources.bench)),
    "bench-bruno": captioned(formatBrunoResults(sources.brunoBench)),
  };
}

const REGION = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated:([a-z-]+) -->/g;

/** `text` with every region's content replaced by its figure; an unknown, unclosed or mismatched region is an error. */
export function fillRegions(text: string, figures: Readonly<Record<string, string>>): string {
  const filled = text.replace(REGION, (_region, name: string, closing: string) => {
    if (name !== closing) throw new Error(`region generated:${name} is closed by /generated:${closing}`);
    const figure = figures[name];
    if (figure === undefined) throw new Error(`no figure is named ${name} (known: ${Object.keys(figures).join(", ")})`);
    return `<!-- generated:${name} -->\n${figure}\n<!-- /generated:${name} -->`;
  });
  const left = filled.replace(REGION, "");
  const stray = /<!-- \/?generated:[a-z-]+ -->/.exec(left);
  if (stray) throw new Error(`${stray[0]} has no partner`);
  return filled;
}

/** README.md and every page under docs/, as paths relative to the package root. */
export function documentationPages(): string[] {
  const docs = join(packageRoot(), "docs");
  const pages = existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith(".md")) : [];
  return ["README.md", ...pages.sort().map((name) => `docs/${name}`)];
}

/** Rewrites the regions of every page from the sources; returns the pages that changed. */
export function writeFigures(sources: FigureSources = currentSources()): string[] {
  const figures = renderFigures(sources);
  const changed: string[] = [];
  for (const page of documentationPages()) {
    const file = join(packageRoot(), page);
    const text = readFileSync(file, "utf8");
    const filled = fillRegions(text, figures);
    if (filled === text) continue;
    writeFileSync(file, filled);
    changed.push(page);
  }
  return changed;
}
