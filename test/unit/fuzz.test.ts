// Fuzz: thousands of random malformed variable values, damaged and hostile keys and odd IMS answers, through the
// compiled scripts in a faithful sandbox harness. Every case must end in our named errors (or be accepted) within
// the harness's time bound: never an exception escaping a script, never "unexpected error", never a secret in a message.
// Seeded: FUZZ_SEED=<n> replays a run (FUZZ_SEED=random picks a new seed), FUZZ_CASES=<n> changes its size.

import { beforeAll, describe, expect, it } from "vitest";
import { randomPem, type FuzzKeys } from "../helpers/fuzz-keys.js";
import { randomImsAnswer, randomText, randomToken, randomVariables, Random } from "../helpers/fuzz-values.js";
import { seededRsaKey } from "../helpers/seeded-keys.js";
import { EngineHarness, ScriptHarness, type HarnessOutcome } from "../helpers/sandbox-harness.js";

const DEFAULT_SEED = 20_261_121;
const SEED = process.env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const NAMED = /^ERR_[A-Z_]+: \S/;

let keys: FuzzKeys;
let valid: Record<string, string>;
let engine: EngineHarness;
const scripts: Record<string, ScriptHarness> = {};

beforeAll(async () => {
  console.log(`fuzz: seed ${SEED}, ${CASES} cases. Replay: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} npx vitest run test/unit/fuzz.test.ts`);
  // From the seed too: the DER-level mutations depend on the key's bytes.
  const privateKey = await seededRsaKey(new Random(SEED), 2048);
  const passphrase = "fuzz-passphrase-0123";
  keys = {
    pkcs1: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    encrypted: privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase }).toString(),
    passphrase,
  };
  valid = {
    IMS: "ims-na1.adobelogin.com",
    IMS_ORG: "0123456789ABCDEF01234567@AdobeOrg",
    TECHNICAL_ACCOUNT_ID: "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
    API_KEY: "0123456789abcdef0123456789abcdef",
    CLIENT_SECRET: "p8e-FUZZ-client-secret-0123456789",
    META_SCOPE: "ent_dataservices_sdk",
    SCOPES: "openid,AdobeID",
    PRIVATE_KEY: keys.pkcs8,
    PRIVATE_KEY_PASSPHRASE: passphrase,
  };
  engine = new EngineHarness();
  for (const name of ["s2s-exchange", "token-response", "auto-auth", "jwt-exchange"]) scripts[name] = new ScriptHarness(name);
});

/** 16-character runs of a secret's base64-like material: none may appear in what the scripts report. */
function secretWindows(variables: Record<string, unknown>): string[] {
  const windows: string[] = [];
  for (const name of ["CLIENT_SECRET", "PRIVATE_KEY", "PRIVATE_KEY_PASSPHRASE", "ACCESS_TOKEN"]) {
    const value = variables[name];
    if (typeof value !== "string" || /^\s*(\{\{[^}]*\}\}|<[^>]*>)\s*$/.test(value)) continue;
    for (const run of value.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
      for (let i = 0; i + 16 <= run.length; i += 8) {
        const window = run.slice(i, i + 16);
        if (new Set(window).size > 4) windows.push(window);
      }
    }
  }
  return windows;
}

interface Verdict {
  readonly codes: string[];
}

function judge(label: string, variables: Record<string, unknown>, outcome: HarnessOutcome, preRequest: boolean): Verdict {
  const context = `${label} (seed ${SEED})`;
  expect(outcome.uncaught, `${context}: an exception escaped the script`).toEqual([]);
  const failed = outcome.tests.filter((test) => test.error !== undefined);
  for (const test of failed) expect(test.error, `${context}: test "${test.name}"`).toMatch(NAMED);
  // A request that is not for these variables is skipped with a note and no failed test; anything else that fails is skipped too.
  const noted = outcome.logs.some((args) => String(args[0]).startsWith("postman-ims-auth: skipped"));
  if (noted) expect(failed, `${context}: skipped with a note, yet a test failed`).toEqual([]);
  if (preRequest) expect(outcome.skipped, `${context}: failed tests but the request was not skipped`).toBe(failed.length > 0 || noted);
  const reported = [
    ...outcome.tests.map((test) => `${test.name} ${test.error ?? ""}`),
    ...outcome.logs.map((args) => args.map(String).join(" ")),
  ].join("\n");
  // One assertion for all the windows (thousands of expect calls were a fifth of this test's time); the count, not
  // the windows, so a failure does not print the secret.
  const leaked = secretWindows(variables).filter((window) => reported.includes(window));
  expect(leaked.length, `${context}: a secret appears in a message`).toBe(0);
  return { codes: failed.map((test) => /^(ERR_[A-Z_]+)/.exec(test.error ?? "")?.[1] ?? "?") };
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`${CASES} random cases end in named errors or acceptance, never an exception`, () => {
    const random = new Random(SEED);
    const tally = new Map<string, number>();
    let slowest = { ms: 0, label: "" };

    for (let index = 0; index < CASES; index++) {
      const kind = random.next();
      const started = performance.now();
      let label = `case ${index}`;
      let verdict: Verdict;
      if (kind < 0.45) {
        const variables = randomVariables(random, valid, keys);
        label += " engine.jwtExchange";
        verdict = judge(label, variables, engine.jwtExchange({ variables }), true);
      } else if (kind < 0.7) {
        const variables = randomVariables(random, random.chance(0.7) ? { ...valid, PRIVATE_KEY: "", META_SCOPE: "" } : valid, keys);
        if (random.chance(0.2))
          Object.assign(variables, { PRIVATE_KEY: "", CLIENT_SECRET: "", SCOPES: "", ACCESS_TOKEN: randomToken(random) });
        const answers = Array.from({ length: 6 }, () => randomImsAnswer(random));
        label += " engine.autoAuth";
        verdict = judge(label, variables, engine.autoAuth({ variables, ims: (attempt) => answers[attempt % answers.length]! }), true);
      } else if (kind < 0.85) {
        const variables = randomVariables(random, valid, keys);
        label += " s2s-exchange.js";
        verdict = judge(label, variables, scripts["s2s-exchange"]!.run({ variables, path: "/ims/token/v3" }), true);
      } else if (kind < 0.99) {
        const answer = randomImsAnswer(random);
        label += " token-response.js";
        const outcome = scripts["token-response"]!.run({
          variables: valid,
          path: random.pick(["/ims/exchange/jwt", "/ims/token/v3"]),
          response: "error" in answer ? undefined : answer,
        });
        verdict = judge(label, valid, outcome, false);
        expect(outcome.tests.length, `${label}: no test reported`).toBeGreaterThan(0);
      } else {
        // The whole compiled scripts, engine unpacking and digest check included (slower: one or two per hundred).
        const variables = randomVariables(random, valid, keys);
        if (random.chance(0.5)) variables.PRIVATE_KEY = randomPem(random, keys);
        const name = random.pick(["auto-auth", "jwt-exchange"]);
        label += ` ${name}.js`;
        const answer = randomImsAnswer(random);
        verdict = judge(
          label,
          variables,
          scripts[name]!.run({ variables, path: name === "auto-auth" ? "/data/x" : "/ims/exchange/jwt", ims: () => answer }),
          true,
        );
      }
      for (const code of verdict.codes.length ? verdict.codes : ["accepted"]) tally.set(code, (tally.get(code) ?? 0) + 1);
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { ms, label };
    }
    console.log(
      `fuzz: outcomes ${JSON.stringify(Object.fromEntries([...tally].sort((a, b) => b[1] - a[1])))}; slowest case ${slowest.ms.toFixed(0)} ms (${slowest.label})`,
    );
    // The fuzz must reach deep: key, passphrase and encryption errors, IMS errors and acceptances all occur.
    for (const code of ["ERR_PRIVATE_KEY_FORMAT", "ERR_INVALID_VARIABLE", "ERR_MISSING_VARIABLE", "ERR_IMS_REJECTED", "accepted"]) {
      expect(tally.get(code) ?? 0, `no case ended in ${code}`).toBeGreaterThan(0);
    }
  });

  it("random text never breaks the pieces that read it (checks, pasted tokens)", () => {
    const random = new Random(SEED + 1);
    for (let index = 0; index < 300; index++) {
      const variables = {
        ...valid,
        PRIVATE_KEY: "",
        META_SCOPE: "",
        CLIENT_SECRET: "",
        SCOPES: "",
        ACCESS_TOKEN: random.chance(0.5) ? randomToken(random) : randomText(random),
      };
      judge(`token case ${index}`, variables, engine.autoAuth({ variables }), true);
    }
  });
});
