// The size of every script we emit, and of the baseline's, in bytes and gzipped.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sandboxDir } from "../files/paths.js";
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
  ["s2s-exchange", "pre-request of the Server-to-Server request"],
  ["token-response", "test script of both Authenticate requests"],
  ["sample-guard", "pre-request of the sample requests"],
  ["401-watcher", "collection test script: after every response (the 401 watcher)"],
  ["engine", "not emitted alone: carried deflated in auto-auth and jwt-exchange, evaluated only to get a token"],
];

/** The same scripts for Bruno (dist/sandbox/bruno): our bodies behind the adapter from `pm` to `bru`. */
const EMITTED_FOR_BRUNO: ReadonlyArray<readonly [string, string]> = [
  ["auto-auth", "collection before-request: before every request (the token check as code, the rest one string)"],
  ["jwt-exchange", "before-request of the JWT request"],
  ["s2s-exchange", "before-request of the Server-to-Server request"],
  ["token-response", "tests of both Authenticate requests"],
  ["sample-guard", "before-request of the sample requests"],
  ["401-watcher", "collection tests: after every response (the 401 watcher)"],
];

function measure(script: string, source: string, runs: string): ScriptSize {
  const bytes = Buffer.byteLength(source, "utf8");
  return { script, bytes, gzipBytes: gzipSync(source, { level: 9 }).length, runs };
}

const measured = (dir: string, scripts: ReadonlyArray<readonly [string, string]>): ScriptSize[] =>
  scripts.map(([name, runs]) => measure(name, readFileSync(join(dir, `${name}.js`), "utf8"), runs));

/** Every script the build emits into the Postman collection, and the engine two of them carry. */
export const builtSizes = (): ScriptSize[] => measured(sandboxDir(), EMITTED);

/** Every script the build emits into the Bruno collection. */
export const builtBrunoSizes = (): ScriptSize[] => measured(join(sandboxDir(), "bruno"), EMITTED_FOR_BRUNO);

export function scriptSizes(): ScriptSize[] {
  return [
    ...builtSizes(),
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
