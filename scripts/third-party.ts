// Third-party code that rides inside the emitted scripts, with the short notice each script's header carries.

import { readFileSync } from "node:fs";

/**
 * Every package rollup bundles into a sandbox script must be listed here (the build stops otherwise),
 * and have its full licence text in THIRD_PARTY_NOTICES (a test checks both files agree).
 */
export const THIRD_PARTY: Readonly<Record<string, string>> = {
  "@noble/ciphers": "(c) Paul Miller, Thomas Pornin, MIT",
  "@noble/hashes": "(c) Paul Miller, MIT",
  "des.js": "(c) Fedor Indutny, MIT",
  inherits: "(c) Isaac Z. Schlueter, ISC",
  jsrsasign: "(c) Kenji Urushima, MIT; with jsbn (c) Tom Wu, BSD-style, and CryptoJS (c) Jeff Mott, MIT-style",
  "minimalistic-assert": "(c) Calvin Metcalf, ISC",
  "tiny-inflate": "(c) Devon Govett, MIT",
};

/** The package a bundled module id belongs to: the last node_modules segment, scoped names kept. */
export function packageOf(id: string): string | undefined {
  const path = id.replace(/\\/g, "/").replace(/\?.*$/, "");
  const at = path.lastIndexOf("/node_modules/");
  if (at < 0) return undefined;
  const [first, second] = path.slice(at + "/node_modules/".length).split("/");
  return first?.startsWith("@") ? `${first}/${second}` : first;
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
}

/** The header's lines for these packages, or the name of one that has no notice. */
export function noticeLines(packages: readonly string[]): { lines: string[]; missing?: string } {
  const lines: string[] = [];
  for (const name of [...new Set(packages)].sort()) {
    const notice = THIRD_PARTY[name];
    if (notice === undefined) return { lines, missing: name };
    lines.push(`${name} ${packageVersion(name)} ${notice}`);
  }
  return { lines };
}
