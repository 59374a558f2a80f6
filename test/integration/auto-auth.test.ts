// Automatic authentication: the collection-level script, in Newman and in the app's runtime, against the emulator.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { apiCollection, carriedEnvironment } from "../helpers/collections.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
});
afterAll(async () => ctx.close());
beforeEach(() => {
  ctx.emulator.reset();
  ctx.emulator.tokenLifetimeMs = 86_399_999;
});

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };
const imsCalls = () => ctx.emulator.calls.tokenV3 + ctx.emulator.calls.jwtExchange;

function runApi(count: number, overrides: Record<string, string>, runner: Runner = runCollection, extra: object = {}) {
  return ctx.run(overrides, { collection: apiCollection(count), folder: "Platform", ...extra }, runner);
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s", (_name, runner) => {
  it.each([
    ["OAuth Server-to-Server", S2S, "tokenV3"],
    ["JWT", JWT, "jwtExchange"],
  ] as const)("%s: 12 API requests with no token make exactly one IMS call, and all pass", async (_flow, flow, counter) => {
    const result = await runApi(12, flow, runner);
    expect(result.failures).toEqual([]);
    expect(result.assertions.filter((assertion) => assertion.passed)).toHaveLength(12);
    expect(ctx.emulator.calls[counter]).toBe(1);
    expect(imsCalls()).toBe(1);
    expect(ctx.emulator.calls.api).toBe(12);
    expect(consoleProblems(result.console)).toEqual([]);
  });

  it("a run that starts with a valid token (exported by a previous run) makes no IMS call", async () => {
    const first = await runApi(1, S2S, runner);
    expect(first.failures).toEqual([]);
    ctx.emulator.reset();
    const environment = carriedEnvironment(emulatorEnvironment(ctx.emulator, ctx.credential, S2S), first.environment);
    const second = await runner({ caFile: ctx.caFile, collection: apiCollection(8), folder: "Platform", environment });
    expect(second.failures).toEqual([]);
    expect(imsCalls()).toBe(0);
    expect(ctx.emulator.calls.api).toBe(8);
  });

  it("a token revoked mid-run: the 401 marks it stale, the next request renews it and passes", async () => {
    ctx.emulator.revokeTokensAfterApiCalls(2);
    const result = await runApi(5, S2S, runner);
    expect(result.assertions.map((assertion) => assertion.passed)).toEqual([true, true, false, true, true]);
    expect(result.failures).toEqual([expect.objectContaining({ item: "API request 3", message: expect.stringMatching(/401/) })]);
    expect(imsCalls()).toBe(2);
    // The renewal is a pm.sendRequest with the stale token stored: the collection's Bearer auth does not ride along.
    expect(ctx.emulator.tokenRequestAuthorizations).toEqual([]);
  });
});

describe("renewal and failures (Newman)", () => {
  it("a token near expiry is renewed once, mid-run, and the run continues", async () => {
    // The first token lives 7 minutes, inside the 10-minute margin: it serves the request that got it, the
    // next request renews it, and the second token (24 h) serves the rest. No waiting: the counts follow from
    // the lifetimes IMS gives, whatever the machine's speed.
    ctx.emulator.nextTokenLifetimesMs.push(7 * 60_000);
    const result = await runApi(9, S2S);
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.tokenV3).toBe(2);
    expect(ctx.emulator.calls.api).toBe(9);
    expect(ctx.emulator.issuedTokens).toHaveLength(2);
    expect(result.environment.ACCESS_TOKEN).toBe(ctx.emulator.issuedTokens[1]);
  });

  it("429 and 503 from IMS are retried (Retry-After honoured), then the run goes on", async () => {
    ctx.emulator.injectFaults("/ims/token/v3", [{ status: 503 }, { status: 429, retryAfter: "1" }]);
    const started = Date.now();
    const result = await runApi(3, S2S);
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.tokenV3).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("IMS unavailable: bounded retries, then a readable failure; later requests are not retried again", async () => {
    ctx.emulator.injectFaults(
      "/ims/token/v3",
      Array.from({ length: 6 }, () => ({ status: 503, retryAfter: "0" })),
    );
    const result = await runApi(3, S2S);
    expect(ctx.emulator.calls.tokenV3).toBe(4);
    expect(ctx.emulator.calls.api).toBe(0);
    expect(result.failures).toHaveLength(3);
    expect(result.failures[0]?.message).toMatch(
      /^ERR_IMS_UNREACHABLE: IMS could not answer the token request \(HTTP 503 .*\(after 4 attempts\)$/,
    );
    expect(result.failures[2]?.message).toMatch(/Not asked again/);
  });

  it("bad client credentials fail with IMS's reason and a hint, once, with no retry storm", async () => {
    const result = await runApi(4, { ...S2S, CLIENT_SECRET: "p8e-WRONG-SECRET" });
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(ctx.emulator.calls.api).toBe(0);
    expect(result.failures).toHaveLength(4);
    for (const failure of result.failures) {
      expect(failure.test).toBe("Adobe IMS access token");
      expect(failure.message).toMatch(
        /^ERR_IMS_REJECTED: IMS refused the token request \(HTTP 400 invalid_client: "invalid client_secret parameter"\)\. Check CLIENT_SECRET/,
      );
    }
  });

  it("a scope the credential lacks is refused with a hint on SCOPES", async () => {
    const result = await runApi(1, { ...S2S, SCOPES: "openid,ff_apis" });
    expect(result.failures[0]?.message).toMatch(/invalid_scope.*Check SCOPES/);
  });

  it("no credentials at all: a named error, no IMS call", async () => {
    const result = await runApi(1, { ...S2S, API_KEY: "", CLIENT_SECRET: "", SCOPES: "" });
    expect(imsCalls()).toBe(0);
    expect(result.failures[0]).toMatchObject({ test: "AUTH_FLOW is set correctly" });
    expect(result.failures[0]?.message).toMatch(/^ERR_AUTH_FLOW: No credentials to get an access token/);
  });

  it("an ambiguous configuration is a named error: PRIVATE_KEY without META_SCOPE but with SCOPES", async () => {
    const result = await runApi(1, { META_SCOPE: "" });
    expect(imsCalls()).toBe(0);
    expect(result.failures[0]?.message).toMatch(/^ERR_AUTH_FLOW: .*Set AUTH_FLOW to jwt or oauth-s2s/);
  });

  it("AUTH_FLOW forces the flow", async () => {
    const result = await runApi(1, { AUTH_FLOW: "oauth-s2s" });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls).toMatchObject({ tokenV3: 1, jwtExchange: 0 });
  });

  it("a missing S2S variable is named, and IMS is not called", async () => {
    const result = await runApi(1, { ...S2S, SCOPES: "", AUTH_FLOW: "oauth-s2s" });
    expect(imsCalls()).toBe(0);
    expect(result.failures[0]).toMatchObject({ test: "SCOPES is set correctly" });
  });
});
