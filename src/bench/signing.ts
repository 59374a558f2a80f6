// Signing time inside a runtime's sandbox: a collection whose pre-request script carries the engine and times its signer.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sandboxDir } from "../files/paths.js";

/** Where the timing script leaves its figures (an environment variable, read back from the run). */
export const SIGNING_RESULT = "BENCH_SIGNING";

export interface SigningSample {
  /** Evaluating the engine (jsrsasign's RSA build and our code), as the scripts do when a token is needed. */
  readonly engineLoadMs: number;
  /** Parsing and checking PRIVATE_KEY (loadPrivateKey), once. */
  readonly keyParseMs: number;
  /** Per signature (checks included), one value per batch. */
  readonly jsrsasignMs: number[];
}

/**
 * The sandbox has only Date.now (no performance.now): signatures are timed in batches of `perBatch`
 * and each batch gives one per-signature figure.
 */
function timingScript(batches: number, perBatch: number): string {
  return `
var loadStarted = Date.now();
var engine = new Function(__engineSource + "\\nreturn __imsAuthEngine;")();
var engineLoadMs = Date.now() - loadStarted;
var parseStarted = Date.now();
var key = engine.loadPrivateKey(pm.variables.get("PRIVATE_KEY"));
var keyParseMs = Date.now() - parseStarted;
var payload = JSON.stringify({ iss: "bench@AdobeOrg", exp: Math.floor(Date.now() / 1000) + 300 });
var result = { engineLoadMs: engineLoadMs, keyParseMs: keyParseMs, jsrsasignMs: [] };
for (var b = 0; b < ${batches}; b++) {
  var started = Date.now();
  for (var i = 0; i < ${perBatch}; i++) engine.signRs256(engine.JWT_HEADER, payload, key);
  result.jsrsasignMs.push((Date.now() - started) / ${perBatch});
}
pm.environment.set("${SIGNING_RESULT}", JSON.stringify(result));`;
}

/** One request (to the emulator, which answers 404) whose pre-request script times the signer. */
export function signingCollection(batches: number, perBatch: number): Record<string, unknown> {
  const engine = readFileSync(join(sandboxDir(), "engine.js"), "utf8");
  const script = [`var __engineSource = ${JSON.stringify(engine)};`, timingScript(batches, perBatch)].join("\n");
  return {
    info: { name: "Benchmark: signing", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "sign",
        request: { method: "GET", url: "https://{{IMS}}/bench/signing" },
        event: [{ listen: "prerequest", script: { exec: script.split("\n") } }],
      },
    ],
  };
}

export function readSigningSample(environment: Record<string, string>): SigningSample {
  const text = environment[SIGNING_RESULT];
  if (!text) throw new Error("the signing benchmark left no result: its script failed");
  const sample = JSON.parse(text) as SigningSample & { error?: string };
  if (sample.error) throw new Error(`the signing benchmark failed in the sandbox: ${sample.error}`);
  return sample;
}
