// A collection of real-world shape, injected, runs green against the emulator, with its own items, scripts and tests still running.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { injectAuth } from "../../src/inject/inject.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";
import { adobeStyleCollection } from "../helpers/adobe-style-collection.js";
import { OWN_AUTH_REQUESTS, realisticCollection } from "../helpers/realistic-collection.js";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const REQUESTS = 57;

function run(collection: unknown, runner: Runner, overrides: Record<string, string> = S2S) {
  return runner({ collection, environment: emulatorEnvironment(ctx.emulator, ctx.credential, overrides), caFile: ctx.caFile });
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s", (_name, runner) => {
  it("injected: every original request runs and passes its own tests, with one IMS call; own-auth requests get their expected 401 without renewals", async () => {
    const { collection } = injectAuth(realisticCollection(), { flows: ["oauth-s2s"] });
    const result = await run(collection, runner);
    expect(result.failures).toEqual([]);
    expect(result.stats.requests.total).toBe(REQUESTS + 1);
    expect(ctx.emulator.calls.api).toBe(REQUESTS);
    // The Authenticate request gets the token; every API request then finds it fresh, and no 401 of an own-auth request renews it.
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(ctx.emulator.calls.jwtExchange).toBe(0);

    const passed = (name: string) => result.assertions.filter((assertion) => assertion.test === name && assertion.passed).length;
    expect(passed("Schemas 1: status 200")).toBe(1);
    expect(passed("Cluster members: folder script ran")).toBe(1);
    for (const name of OWN_AUTH_REQUESTS) expect(passed(`${name}: status 401`)).toBe(1);
    // The user's collection-level test script ran for every request, ours included; the disabled one never ran.
    expect(passed("collection script: answered in time")).toBe(REQUESTS + 1);
    expect(result.assertions.some((assertion) => assertion.test === "never runs")).toBe(false);
    // The user's collection-level pre-request script ran after ours, on every request.
    expect(passed("Segment jobs: collection script ran")).toBe(1);
    expect(passed("Public health check: collection script ran")).toBe(1);
    expect(consoleProblems(result.console)).toEqual([]);
  });
});

describe("newman", () => {
  it("before injection the collection's requests are refused (its own auth sends an unset token)", async () => {
    const result = await run(realisticCollection(), runCollection);
    expect(result.failures.length).toBeGreaterThan(40);
    expect(ctx.emulator.calls.api).toBe(REQUESTS);
  });

  it("injected with the JWT flow and no Authenticate request run first, the first API request gets the token", async () => {
    const { collection } = injectAuth(realisticCollection(), { flows: ["jwt"] });
    const withoutFolder = { ...(collection as { item: unknown[] }), item: (collection as { item: unknown[] }).item.slice(1) };
    const result = await run(withoutFolder, runCollection, { SCOPES: "" });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.calls.api).toBe(REQUESTS);
  });
});

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s: an Adobe-style collection whose own token request stores ACCESS_TOKEN alone", (_name, runner) => {
  const adobeFolder = (collection: unknown) => ({
    ...(collection as object),
    item: (collection as { item: unknown[] }).item.filter((item) => (item as { name: string }).name !== "Authenticate"),
  });

  it("its token is used until its own expiry: no IMS call besides the collection's own", async () => {
    const { collection } = injectAuth(adobeStyleCollection(6), { flows: ["oauth-s2s"] });
    const result = await run(adobeFolder(collection), runner);
    expect(result.failures).toEqual([]);
    expect(result.assertions.filter((assertion) => assertion.test === "status 200" && assertion.passed)).toHaveLength(6);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(result.environment.ACCESS_TOKEN_EXPIRES_AT ?? "").toBe("");
  });

  it("a stored expiry of an earlier token (yesterday's, expired) does not judge the token that request stores now", async () => {
    const { collection } = injectAuth(adobeStyleCollection(3), { flows: ["oauth-s2s"] });
    const yesterday = String(Date.now() - 3_600_000);
    const result = await run(adobeFolder(collection), runner, { ...S2S, ACCESS_TOKEN: "", ACCESS_TOKEN_EXPIRES_AT: yesterday });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("the whole injected collection: our Authenticate request and theirs each ask once, the API requests never", async () => {
    const { collection } = injectAuth(adobeStyleCollection(4), { flows: ["oauth-s2s"] });
    const result = await run(collection, runner);
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.tokenV3).toBe(2);
    expect(ctx.emulator.calls.api).toBe(4);
  });
});
