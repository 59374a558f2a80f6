// What each version of postman-ims-auth builds: this version's scripts (dist/sandbox), and the SHA-256
// of earlier releases' scripts (script-digests.json, one entry per version, kept when the version changes).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCRIPT_NAMES, type ScriptName, scriptLines } from "../generator/collection/scripts.js";
import { packageRoot, packageVersion } from "../files/paths.js";

export { packageVersion };

export const DIGESTS_FILE = "script-digests.json";

/** version → script name → SHA-256 (hex) of the script's lines joined with "\n", as a collection holds them. */
export type ReleaseDigests = Record<string, Record<string, string>>;

export const scriptDigest = (lines: readonly string[]): string => createHash("sha256").update(lines.join("\n")).digest("hex");

export function releaseDigests(): ReleaseDigests {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), DIGESTS_FILE), "utf8")) as ReleaseDigests;
  } catch {
    return {};
  }
}

/** This version's digests, as `npm run build` records them. */
export function currentDigests(): Record<ScriptName, string> {
  return Object.fromEntries(SCRIPT_NAMES.map((name) => [name, scriptDigest(scriptLines(name))])) as Record<ScriptName, string>;
}

/** The file with this version's entry set and every other version's kept. */
export function recordedDigests(): string {
  const all = { ...releaseDigests(), [packageVersion()]: currentDigests() };
  const sorted = Object.fromEntries(
    Object.keys(all)
      .sort(compareVersions)
      .map((version) => [version, all[version]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    return typeof x[i] === "number" && typeof y[i] === "number"
      ? (x[i] as number) - (y[i] as number)
      : String(x[i]).localeCompare(String(y[i]));
  }
  return 0;
}

/** The release whose build of `name` has exactly these lines, if any. */
export function releaseOf(name: string, lines: readonly string[]): string | undefined {
  const digest = scriptDigest(lines);
  if (SCRIPT_NAMES.includes(name as ScriptName) && scriptDigest(scriptLines(name as ScriptName)) === digest) return packageVersion();
  return Object.entries(releaseDigests()).find(([, scripts]) => scripts[name] === digest)?.[0];
}
