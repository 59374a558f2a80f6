// README.md and docs/*.md: every link leads somewhere (a heading by GitHub's anchor rules, a page, a file of the
// published package), every page is reachable from the README, contents list their page's sections, the README stays short.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { documentationPages } from "../../src/bench/doc-figures.js";
import { packageRoot } from "../../src/files/paths.js";

const root = packageRoot();
const pages = documentationPages();
const text = new Map(pages.map((page) => [page, readFileSync(join(root, page), "utf8")]));

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly anchor: string;
}

/** GitHub's slug (github-slugger): the rendered text lower-cased, punctuation dropped, each space a hyphen. */
function slug(markdown: string): string {
  const rendered = markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, "$1");
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Lines outside code fences. */
function prose(markdown: string): string[] {
  let fence = false;
  return markdown.split("\n").filter((line) => {
    if (/^(```|~~~)/.test(line)) {
      fence = !fence;
      return false;
    }
    return !fence;
  });
}

/** Headings outside code fences, with GitHub's -1, -2 … for repeated anchors. */
function headings(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const found: Heading[] = [];
  for (const line of prose(markdown)) {
    const match = /^(#{1,6}) +(.+?) *#*$/.exec(line);
    if (!match) continue;
    const base = slug(match[2]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.push({ level: match[1]!.length, text: match[2]!, anchor: count === 0 ? base : `${base}-${count}` });
  }
  return found;
}

/** The targets of `[text](target)` links outside code fences and code spans. */
function links(markdown: string): string[] {
  return prose(markdown).flatMap((line) => [...line.replace(/`[^`]*`/g, "``").matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!));
}

/** The page a link leads to (relative to the package root) and its anchor; undefined for a link off the repository. */
function resolveLink(page: string, target: string): { file: string; anchor: string | undefined } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [path = "", anchor] = target.split("#", 2);
  const file =
    path === ""
      ? page
      : normalize(join(dirname(page), path))
          .replace(/\\/g, "/")
          .replace(/\/$/, "");
  return { file, anchor };
}

/** The top-level entries package.json publishes ("files", negations aside). */
const published: string[] = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] }).files.filter(
  (entry) => !entry.startsWith("!"),
);
const isPublished = (file: string) => ["package.json", ...published].some((entry) => file === entry || file.startsWith(`${entry}/`));

describe("the documentation's links", () => {
  it("slugs headings as GitHub does", () => {
    expect(slug("`generate`: the collection and environment templates")).toBe("generate-the-collection-and-environment-templates");
    expect(slug("`inject --target bruno`")).toBe("inject---target-bruno");
    expect(slug("How the signing library is carried, and why it is safe")).toBe("how-the-signing-library-is-carried-and-why-it-is-safe");
    expect(slug("The machine's clock")).toBe("the-machines-clock");
    expect(slug('Developer Console "Download for Postman"')).toBe("developer-console-download-for-postman");
    expect(headings("# A\n```sh\n# not a heading\n```\n## A\n")).toEqual([
      { level: 1, text: "A", anchor: "a" },
      { level: 2, text: "A", anchor: "a-1" },
    ]);
  });

  it("resolves links relative to their page, and leaves other sites alone", () => {
    expect(resolveLink("docs/ci.md", "cli.md#install")).toEqual({ file: "docs/cli.md", anchor: "install" });
    expect(resolveLink("docs/ci.md", "../README.md")).toEqual({ file: "README.md", anchor: undefined });
    expect(resolveLink("docs/ci.md", "#ci-recipes")).toEqual({ file: "docs/ci.md", anchor: "ci-recipes" });
    expect(resolveLink("README.md", "docs/")).toEqual({ file: "docs", anchor: undefined });
    expect(resolveLink("README.md", "https://github.com/kjur/jsrsasign")).toBeUndefined();
    expect(links("[a](x.md) `[b](y.md)` [c](#z)\n```\n[d](w.md)\n```\n")).toEqual(["x.md", "#z"]);
    expect(isPublished("docs/ci.md")).toBe(true);
    expect(isPublished("examples/ci/gitlab-ci.yml")).toBe(false);
  });

  it("covers the README and more than one page under docs/", () => {
    expect(pages[0]).toBe("README.md");
    expect(pages.filter((page) => page.startsWith("docs/")).length).toBeGreaterThan(5);
  });

  it.each(pages)("%s: every link leads to a file of the published package, and every #anchor to a heading there", (page) => {
    const found = links(text.get(page)!);
    const broken = found.filter((target) => {
      const link = resolveLink(page, target);
      if (!link) return false;
      if (!existsSync(join(root, link.file)) || !isPublished(link.file)) return true;
      if (link.anchor === undefined) return false;
      const heads = text.get(link.file);
      return heads === undefined || !headings(heads).some((heading) => heading.anchor === link.anchor);
    });
    expect(broken).toEqual([]);
  });

  it("links every page under docs/ from the README", () => {
    const linked = new Set(links(text.get("README.md")!).map((target) => resolveLink("README.md", target)?.file));
    expect(pages.filter((page) => page !== "README.md" && !linked.has(page))).toEqual([]);
  });

  it.each(pages.filter((page) => text.get(page)!.includes("\n## Contents\n")))(
    "%s: its contents link every section and subsection, in order",
    (page) => {
      const markdown = text.get(page)!;
      const start = markdown.indexOf("\n## Contents\n");
      const contents = markdown.slice(start, markdown.indexOf("\n## ", start + 1));
      const listed = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
      const sections = headings(markdown)
        .filter((heading) => heading.level >= 2 && heading.level <= 3 && heading.text !== "Contents")
        .map((heading) => heading.anchor);
      expect(listed).toEqual(sections);
    },
  );

  it("keeps the README short: under 250 lines, the rest in docs/", () => {
    expect(text.get("README.md")!.split("\n").length).toBeLessThan(250);
  });
});
