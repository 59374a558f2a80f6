// The layout holds: imports run one way down the layers, and the source map (docs/development.md) names every folder.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/files/paths.js";

const root = packageRoot();
const src = join(root, "src");

/** Top first: a module may import its own layer or one below it, never one above. */
const LAYERS = [
  "index.ts",
  "cli",
  "bench",
  "node",
  "runner",
  "roster",
  "inject",
  "verify",
  "generator",
  "inputs",
  "files",
  "sandbox",
  "emulator",
  "core",
];
/** The same rule inside core, whose folders are concepts stacked on one another. */
const CORE_LAYERS = ["ims", "jws", "keys", "config", "crypto", "errors.ts"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import\(?)\s*"(\.[^"]+)"/g)].map((match) => resolve(dirname(file), match[1]!));
}

const layerOf = (path: string, layers: readonly string[], base: string) =>
  layers.indexOf(relative(base, path).split("/")[0]!.replace(/\.js$/, ".ts"));

describe("the layout", () => {
  const arrows = files(src).flatMap((file) => imports(file).map((target) => ({ from: relative(src, file), to: relative(src, target) })));

  it("finds the imports it judges", () => {
    expect(arrows.length).toBeGreaterThan(200);
    expect(arrows).toContainEqual({ from: "sandbox/scripts/engine.ts", to: "core/jws/jwt-assertion.js" });
  });

  it("has no import that runs up a layer", () => {
    const up = arrows.filter(({ from, to }) => layerOf(join(src, to), LAYERS, src) < layerOf(join(src, from), LAYERS, src));
    expect(up).toEqual([]);
  });

  it("has no import that runs up a layer inside core", () => {
    const core = join(src, "core");
    const inCore = arrows.filter(({ from, to }) => from.startsWith("core/") && to.startsWith("core/"));
    const up = inCore.filter(({ from, to }) => layerOf(join(src, to), CORE_LAYERS, core) < layerOf(join(src, from), CORE_LAYERS, core));
    expect(up).toEqual([]);
  });

  it("puts every folder and top-level file of src in a layer", () => {
    const entries = readdirSync(src).concat(readdirSync(join(src, "core")).map((name) => `core/${name}`));
    const unknown = entries.filter((name) => (name.startsWith("core/") ? !CORE_LAYERS.includes(name.slice(5)) : !LAYERS.includes(name)));
    expect(unknown).toEqual([]);
  });

  it("is the source map of docs/development.md: every folder under src is named there", () => {
    const development = readFileSync(join(root, "docs", "development.md"), "utf8");
    const map = development.slice(development.indexOf("## Source map"));
    const folders = files(src)
      .map((file) => relative(src, dirname(file)))
      .filter((dir, i, all) => dir !== "" && all.indexOf(dir) === i);
    const missing = folders.filter((dir) => {
      const [top, ...rest] = dir.split("/");
      return rest.length === 0
        ? !map.includes(`src/${top}/`)
        : !map.includes(`src/${top}/`) || !new RegExp(`^\\s+${rest.join("/")}/`, "m").test(map);
    });
    expect(missing).toEqual([]);
    expect(map).toContain("src/index.ts");
  });
});
