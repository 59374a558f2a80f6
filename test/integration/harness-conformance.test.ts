// The tests' fake `pm` (test/helpers/fake-pm.ts, run by the sandbox harness) against the real sandboxes: a
// sample of harness cases, each run by the harness and by Newman 6.2 (postman-sandbox 4.7) and
// postman-runtime 7.56 (sandbox 6.7) against the emulator, must end the same way: the same tests with the
// same messages, the request sent or skipped, the same number of IMS calls, the same variables stored.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "../../src/emulator/ims-emulator.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { runCollection } from "../../src/runner/newman-run.js";
import type { RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";
import type { HarnessOutcome, ImsAnswer } from "../helpers/fake-pm.js";
import { ScriptHarness } from "../helpers/sandbox-harness.js";

/** Which request runs: an API request (collection-level auto-auth) or one of the Authenticate requests. */
type Kind = "api" | "s2s" | "jwt";

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly overrides: Record<string, string>;
  /** What IMS answers, in order: the emulator really answers so (`faults` where it would not by itself). */
  readonly answers: readonly ImsAnswer[];
  readonly faults?: readonly Fault[];
}

/** How a run ended, in terms both the harness and a real runner can tell. */
interface Ending {
  readonly tests: Array<{ name: string; error?: string }>;
  readonly sent: boolean;
  readonly imsCallsFromScripts: number;
  readonly stored: string[];
}

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };
const STORED = ["ACCESS_TOKEN", "ACCESS_TOKEN_EXPIRES_AT", "ACCESS_TOKEN_BINDING"];
const token = (expiresIn: number): ImsAnswer => ({
  status: 200,
  body: JSON.stringify({ access_token: "h.p.s", token_type: "bearer", expires_in: expiresIn }),
});
const refusal = (status: number, error: string, description: string): ImsAnswer => ({
  status,
  body: JSON.stringify({ error, error_description: description }),
});

const CASES: Case[] = [
  {
    name: "a fresh token: nothing happens",
    kind: "api",
    overrides: { ...S2S, ACCESS_TOKEN: "x.y.z", ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + 3_600_000) },
    answers: [],
  },
  { name: "no credentials at all", kind: "api", overrides: { ...S2S, API_KEY: "", CLIENT_SECRET: "", SCOPES: "" }, answers: [] },
  { name: "S2S: a token is got and stored", kind: "api", overrides: S2S, answers: [token(86_399)] },
  { name: "JWT: a token is got and stored", kind: "api", overrides: JWT, answers: [token(86_399_999)] },
  {
    name: "S2S: a wrong client secret",
    kind: "api",
    overrides: { ...S2S, CLIENT_SECRET: "p8e-WRONG" },
    answers: [refusal(400, "invalid_client", "invalid client_secret parameter")],
  },
  {
    name: "S2S: 429, then a token",
    kind: "api",
    overrides: S2S,
    answers: [{ ...refusal(429, "too_many_requests", "injected fault"), headers: { "Retry-After": "0" } }, token(86_399)],
    faults: [{ status: 429, retryAfter: "0" }],
  },
  {
    name: "JWT: several variables wrong at once",
    kind: "api",
    overrides: { ...JWT, IMS_ORG: "1234-AdobeOrg", TECHNICAL_ACCOUNT_ID: "" },
    answers: [],
  },
  { name: "JWT request: a metascope missing", kind: "jwt", overrides: { ...JWT, META_SCOPE: "" }, answers: [] },
  { name: "JWT request: signed, sent, token stored", kind: "jwt", overrides: JWT, answers: [token(86_399_999)] },
  { name: "S2S request: scopes with ';'", kind: "s2s", overrides: { ...S2S, SCOPES: "openid;AdobeID" }, answers: [] },
  { name: "S2S request: sent, token stored", kind: "s2s", overrides: S2S, answers: [token(86_399)] },
  {
    name: "S2S request: IMS refuses the secret",
    kind: "s2s",
    overrides: { ...S2S, CLIENT_SECRET: "p8e-WRONG" },
    answers: [refusal(400, "invalid_client", "invalid client_secret parameter")],
  },
];

let ctx: EmulatorContext;
const harness: Record<string, ScriptHarness> = {};
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID"] });
  for (const name of ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response"]) harness[name] = new ScriptHarness(name);
});
afterAll(async () => ctx?.close());
beforeEach(() => ctx.emulator.reset());

/** Times in messages (a clock line) differ between runs. */
const steady = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>");

function variablesOf(testCase: Case): Record<string, string> {
  return Object.fromEntries(
    emulatorEnvironment(ctx.emulator, ctx.credential, testCase.overrides).values.map(({ key, value }) => [key, String(value)]),
  );
}

function harnessEnding(testCase: Case): Ending {
  const variables = variablesOf(testCase);
  const ims = (attempt: number) => testCase.answers[attempt] ?? { error: { code: "ECONNREFUSED" } };
  const tests = (outcome: HarnessOutcome) =>
    outcome.tests.map((test) => (test.error === undefined ? { name: test.name } : { name: test.name, error: steady(test.error) }));
  const stored = (outcomes: HarnessOutcome[]) => STORED.filter((key) => outcomes.some((outcome) => key in outcome.stored));
  if (testCase.kind === "api") {
    const outcome = harness["auto-auth"]!.run({ variables, ims });
    expect(outcome.uncaught).toEqual([]);
    return { tests: tests(outcome), sent: !outcome.skipped, imsCallsFromScripts: outcome.sent.length, stored: stored([outcome]) };
  }
  const path = testCase.kind === "jwt" ? "/ims/exchange/jwt" : "/ims/token/v3";
  const before = harness[`${testCase.kind}-exchange`]!.run({ variables, path });
  if (before.skipped) return { tests: tests(before), sent: false, imsCallsFromScripts: before.sent.length, stored: stored([before]) };
  const after = harness["token-response"]!.run({ variables, path, response: testCase.answers[0] });
  expect([...before.uncaught, ...after.uncaught]).toEqual([]);
  return {
    tests: [...tests(before), ...tests(after)],
    sent: true,
    imsCallsFromScripts: before.sent.length + after.sent.length,
    stored: stored([before, after]),
  };
}

async function realEnding(testCase: Case, runner: Runner): Promise<Ending> {
  const collection = buildCollection() as {
    item: Array<{ name: string; item?: Array<{ name: string; event?: unknown }> }>;
    event: Array<{ listen: string }>;
  };
  let folder = testCase.kind === "jwt" ? JWT_REQUEST_NAME : S2S_REQUEST_NAME;
  if (testCase.kind === "api") {
    // The sample request without its own scripts and the collection without its 401 watcher: only auto-auth runs.
    const platform = collection.item.find((item) => item.name === "Platform")!;
    platform.item = [{ ...platform.item![0]!, event: [] }];
    collection.event = collection.event.filter((event) => event.listen === "prerequest");
    folder = "Platform";
  }
  if (testCase.faults) ctx.emulator.injectFaults("/ims/token/v3", testCase.faults);
  const result: RunResult = await ctx.run(testCase.overrides, { collection, folder }, runner);
  const failures = [...result.failures];
  const tests = result.assertions.map((assertion) => {
    if (assertion.passed) return { name: assertion.test };
    const failure = failures.splice(
      failures.findIndex((candidate) => candidate.test === assertion.test),
      1,
    )[0];
    return { name: assertion.test, error: steady(failure?.message ?? "") };
  });
  expect(failures).toEqual([]);
  const { api, tokenV3, jwtExchange } = ctx.emulator.calls;
  const initial = variablesOf(testCase);
  const stored = STORED.filter((key) => (result.environment[key] ?? "") !== (initial[key] ?? ""));
  if (testCase.kind === "api") return { tests, sent: api === 1, imsCallsFromScripts: tokenV3 + jwtExchange, stored };
  return { tests, sent: tokenV3 + jwtExchange === 1, imsCallsFromScripts: 0, stored };
}

describe.each([
  ["Newman (postman-sandbox 4.7)", runCollection],
  ["postman-runtime (postman-sandbox 6.7)", runWithPostmanRuntime],
] as Array<[string, Runner]>)("the fake pm against %s", (_name, runner) => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_case, testCase) => {
    const expected = harnessEnding(testCase);
    expect(await realEnding(testCase, runner)).toEqual(expected);
  });
});
