// The size of every script we emit, and of the baseline's, in bytes and gzipped.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sandboxDir } from "../generator/files/paths.js";
import { ONE_LINE_SCRIPT, variantScript } from "./collections.js";

export const SIZE_LIMIT_BYTES = 120 * 1024;

export interface ScriptSize {
  readonly script: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Where it runs. */
  readonly runs: string;
}

const EMITTED: ReadonlyArray<readonly [string, string]> = [
  ["auto-auth", "collection pre-request: before every request"],
  ["jwt-exchange", "pre-request of the JWT request"],
  ["s2s-exchange", "pre-request of the S2S request"],
  ["token-response", "test script of both Authenticate requests"],
  ["api-response", "collection test script: after every response (the 401 watcher)"],
  ["engine", "not emitted alone: carried deflated in auto-auth and jwt-exchange, evaluated only to get a token"],
];

function measure(script: string, source: string, runs: string): ScriptSize {
  const bytes = Buffer.byteLength(source, "utf8");
  return { script, bytes, gzipBytes: gzipSync(source, { level: 9 }).length, runs };
}

export function scriptSizes(): ScriptSize[] {
  const ours = EMITTED.map(([name, runs]) => measure(name, readFileSync(join(sandboxDir(), `${name}.js`), "utf8"), runs));
  return [
    ...ours,
    measure("baseline: one-line script", ONE_LINE_SCRIPT, "collection pre-request (comparison)"),
    measure(
      "baseline: Adobe workshop style",
      variantScript("adobe"),
      "collection pre-request (comparison): jsrsasign in full, evaluated on every request",
    ),
  ];
}

/** Our scripts, the engine included, without the baselines. */
export function ourSizes(sizes: readonly ScriptSize[]): ScriptSize[] {
  return sizes.filter((size) => !size.script.startsWith("baseline"));
}
