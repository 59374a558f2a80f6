// README.md: every internal link points at a heading (GitHub's anchor rules), and the contents list every section.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/generator/files/paths.js";

const readme = readFileSync(join(packageRoot(), "README.md"), "utf8");

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly anchor: string;
}

/** GitHub's slug (github-slugger): the rendered text lower-cased, punctuation dropped, each space a hyphen. */
function slug(markdown: string): string {
  const text = markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, "$1");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Headings outside code fences, with GitHub's -1, -2 … for repeated anchors. */
function headings(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const found: Heading[] = [];
  let fence = false;
  for (const line of markdown.split("\n")) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const match = fence ? null : /^(#{1,6}) +(.+?) *#*$/.exec(line);
    if (!match) continue;
    const base = slug(match[2]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.push({ level: match[1]!.length, text: match[2]!, anchor: count === 0 ? base : `${base}-${count}` });
  }
  return found;
}

/** `](#anchor)` links outside code fences. */
function anchorLinks(markdown: string): string[] {
  let fence = false;
  return markdown.split("\n").flatMap((line) => {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    return fence ? [] : [...line.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => match[1]!);
  });
}

describe("README.md", () => {
  const all = headings(readme);

  it("slugs headings as GitHub does", () => {
    expect(slug("`generate`: the collection and environment templates")).toBe("generate-the-collection-and-environment-templates");
    expect(slug("How the signing library is carried, and why it is safe")).toBe("how-the-signing-library-is-carried-and-why-it-is-safe");
    expect(slug("The machine's clock")).toBe("the-machines-clock");
    expect(headings("# A\n```sh\n# not a heading\n```\n## A\n")).toEqual([
      { level: 1, text: "A", anchor: "a" },
      { level: 2, text: "A", anchor: "a-1" },
    ]);
  });

  it("has no internal link to a heading that does not exist", () => {
    const anchors = new Set(all.map((heading) => heading.anchor));
    const links = anchorLinks(readme);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  it("opens with contents that link every section and subsection, in order", () => {
    const contents = readme.slice(readme.indexOf("## Contents"), readme.indexOf("\n## ", readme.indexOf("## Contents") + 1));
    const listed = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    const sections = all
      .filter((heading) => heading.level >= 2 && heading.level <= 3 && heading.text !== "Contents")
      .map((heading) => heading.anchor);
    expect(listed).toEqual(sections);
  });
});
