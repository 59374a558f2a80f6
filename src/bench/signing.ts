// Signing time inside a runtime's sandbox: a collection whose pre-request script carries the engine and times its signers.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sandboxDir } from "../generator/files/paths.js";

/** Where the timing script leaves its figures (an environment variable, read back from the run). */
export const SIGNING_RESULT = "BENCH_SIGNING";

export interface SigningSample {
  /** The signer the engine picks in this sandbox. */
  readonly chosen: "webcrypto" | "jsrsasign";
  /** Evaluating the engine (jsrsasign's RSA build and our code), as the scripts do when a token is needed. */
  readonly engineLoadMs: number;
  /** Parsing and checking PRIVATE_KEY (loadPrivateKey), once. */
  readonly keyParseMs: number;
  /** Per signature (checks included), one value per batch. */
  readonly jsrsasignMs: number[];
  readonly webcryptoMs: number[];
  /** WebCrypto's sign alone, the key imported once: the RSA operation and the sandbox's promise round trip. */
  readonly webcryptoSignOnlyMs: number[];
}

/**
 * The sandbox has only Date.now (no performance.now): signatures are timed in batches of `perBatch`
 * and each batch gives one per-signature figure. WebCrypto is timed import + sign, as used per token.
 */
function timingScript(batches: number, perBatch: number): string {
  return `
var loadStarted = Date.now();
var engine = new Function(__engineSource + "\\nreturn __imsAuthEngine;")();
var engineLoadMs = Date.now() - loadStarted;
var subtle = engine.webCryptoSigner(typeof crypto === "undefined" ? undefined : crypto);
var parseStarted = Date.now();
var key = engine.loadPrivateKey(pm.variables.get("PRIVATE_KEY"));
var keyParseMs = Date.now() - parseStarted;
var payload = JSON.stringify({ iss: "bench@AdobeOrg", exp: Math.floor(Date.now() / 1000) + 300 });
var result = { chosen: subtle ? "webcrypto" : "jsrsasign", engineLoadMs: engineLoadMs, keyParseMs: keyParseMs, jsrsasignMs: [], webcryptoMs: [], webcryptoSignOnlyMs: [] };
for (var b = 0; b < ${batches}; b++) {
  var started = Date.now();
  for (var i = 0; i < ${perBatch}; i++) engine.signRs256(engine.JWT_HEADER, payload, key);
  result.jsrsasignMs.push((Date.now() - started) / ${perBatch});
}
function finish() { pm.environment.set("${SIGNING_RESULT}", JSON.stringify(result)); }
if (!subtle) finish();
else {
  var hold = setTimeout(function () {}, 120000);
  var fail = function (error) { result.error = String(error && (error.code || error.name)); finish(); clearTimeout(hold); };
  var timeBatches = function (into, sign, b, done) {
    if (b === ${batches}) { done(); return; }
    var started = Date.now();
    var chain = Promise.resolve();
    for (var i = 0; i < ${perBatch * 4}; i++) chain = chain.then(sign);
    chain.then(function () { into.push((Date.now() - started) / ${perBatch * 4}); timeBatches(into, sign, b + 1, done); }, fail);
  };
  var data = new Uint8Array(100);
  timeBatches(result.webcryptoMs, function () { return engine.signRs256WebCrypto(engine.JWT_HEADER, payload, key, subtle); }, 0, function () {
    // A 2048-bit key made once, then signing again and again: what WebCrypto's RSA operation itself takes here.
    subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, false, ["sign"]).then(function (pair) {
      timeBatches(result.webcryptoSignOnlyMs, function () { return subtle.sign("RSASSA-PKCS1-v1_5", pair.privateKey, data); }, 0, function () { finish(); clearTimeout(hold); });
    }, fail);
  });
}`;
}

/** One request (to the emulator, which answers 404) whose pre-request script times the signers. */
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
