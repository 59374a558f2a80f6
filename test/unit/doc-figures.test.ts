// The figures the documentation quotes are the build's and the benchmark's: every generated region of README.md and
// docs/*.md is what dist/sandbox and docs/figures/*.json give today, and no size is quoted outside one.

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { currentSources, documentationPages, fillRegions, renderFigures } from "../../src/bench/doc-figures.js";
import type { BenchResults } from "../../src/bench/results.js";
import { packageRoot, sandboxDir } from "../../src/files/paths.js";

const root = packageRoot();
const pages = documentationPages();
const read = (page: string) => readFileSync(join(root, page), "utf8");
const figures = renderFigures(currentSources());

describe("generated regions", () => {
  const figure = { a: "one\ntwo", b: "three" };

  it("are rewritten between their markers, and again to the same text", () => {
    const page = "x\n<!-- generated:a -->\nold\n<!-- /generated:a -->\ny <!-- generated:b -->\n<!-- /generated:b -->\n";
    const filled = fillRegions(page, figure);
    expect(filled).toBe("x\n<!-- generated:a -->\none\ntwo\n<!-- /generated:a -->\ny <!-- generated:b -->\nthree\n<!-- /generated:b -->\n");
    expect(fillRegions(filled, figure)).toBe(filled);
    expect(fillRegions("no region here\n", figure)).toBe("no region here\n");
  });

  it("refuse an unknown name, a region closed under another name, and a marker without its partner", () => {
    expect(() => fillRegions("<!-- generated:c -->\n<!-- /generated:c -->", figure)).toThrow(/no figure is named c/);
    expect(() => fillRegions("<!-- generated:a -->\n<!-- /generated:b -->", figure)).toThrow(/closed by \/generated:b/);
    expect(() => fillRegions("<!-- generated:a -->\nnever closed", figure)).toThrow(/has no partner/);
    expect(() => fillRegions("text\n<!-- /generated:a -->", figure)).toThrow(/has no partner/);
  });
});

describe("the documentation's figures", () => {
  it.each(pages)("%s: every generated region is current (run npm run build, or npm run bench for its tables)", (page) => {
    const text = read(page);
    expect(fillRegions(text, figures) === text, `${page} is stale: run npm run build and commit it`).toBe(true);
  });

  it("quotes every figure somewhere", () => {
    const all = pages.map(read).join("\n");
    expect(Object.keys(figures).filter((name) => !all.includes(`<!-- generated:${name} -->`))).toEqual([]);
  });

  it("are the build's sizes and the benchmark's results (checked against the files themselves)", () => {
    const benchmark = read("docs/benchmark.md");
    const autoAuth = statSync(join(sandboxDir(), "auto-auth.js")).size;
    const engine = statSync(join(sandboxDir(), "engine.js")).size;
    expect(benchmark).toMatch(new RegExp(`^\\| auto-auth +\\| ${autoAuth} +\\|`, "m"));
    expect(benchmark).toMatch(new RegExp(`^\\| engine +\\| ${engine} +\\|`, "m"));
    expect(read("docs/verify.md")).toContain(`, ${engine} bytes, carried deflated below`);

    const bench = JSON.parse(readFileSync(join(root, "docs", "figures", "bench.json"), "utf8")) as BenchResults;
    expect(bench.settings.quick).toBe(false);
    for (const row of bench.perRequest) {
      expect(benchmark).toMatch(new RegExp(`^\\| ${row.runtime} +\\| ${row.variant} +\\| ${row.msPerRequest.toFixed(1)} +\\|`, "m"));
    }
  });

  it.each(pages)("%s: quotes no size outside a generated region, where it would go stale (code blocks included)", (page) => {
    const outside = read(page)
      .replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, "")
      .match(/\b\d[\d,.]*\s?(?:KB|kB|KiB|bytes)\b/g);
    expect(outside ?? []).toEqual([]);
  });
});
