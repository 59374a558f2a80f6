// "IMS: OAuth Server-to-Server Token" sent on its own, in both runtimes: the form, the stored token, the failures.

import { describe, expect, it } from "vitest";
import { S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { folderRunner, useEmulator, type Runner } from "../helpers/emulator.js";

const shared = useEmulator({ scopes: ["openid", "AdobeID", "read_organizations"] });
const runFolder = folderRunner(shared, S2S_REQUEST_NAME);
/** With an OAuth Server-to-Server credential only, as its users have it: with a key too, the JWT request would be the one. */
const runS2s: typeof runFolder = (overrides = {}, options, runner) =>
  runFolder({ PRIVATE_KEY: "", META_SCOPE: "", ...overrides }, options, runner);

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s", (_name, runner) => {
  it("stores ACCESS_TOKEN with its expiry (expires_in is in seconds here)", async () => {
    shared.ctx.emulator.tokenLifetimeMs = 3_600_000;
    const started = Date.now();
    // Spaces, a duplicate and an empty entry in SCOPES are cleaned before IMS sees them.
    const result = await runS2s({ SCOPES: " openid, AdobeID,,openid " }, {}, runner);
    expect(result.failures).toEqual([]);
    expect(result.assertions.map((assertion) => assertion.test)).toEqual([
      "IMS issued an access token",
      "ACCESS_TOKEN is stored for the next requests",
    ]);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
    const expiresAt = Number(result.environment.ACCESS_TOKEN_EXPIRES_AT);
    expect(expiresAt).toBeGreaterThanOrEqual(started + 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(consoleProblems(result.console)).toEqual([]);
  });

  it("a missing SCOPES is named and IMS is not called", async () => {
    const result = await runS2s({ SCOPES: "" }, {}, runner);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    expect(result.failures).toEqual([
      expect.objectContaining({
        test: "SCOPES is set correctly",
        message: expect.stringMatching(/^ERR_MISSING_VARIABLE: SCOPES is not set/),
      }),
    ]);
  });

  it("a wrong secret fails with IMS's reason and a hint, and stores nothing", async () => {
    const result = await runS2s({ CLIENT_SECRET: "p8e-WRONG" }, {}, runner);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
    expect(result.failures[0]?.message).toMatch(/^ERR_IMS_REJECTED: .*invalid_client.*Check CLIENT_SECRET/);
    expect(result.environment.ACCESS_TOKEN).toBe("");
  });

  it("the whole collection with a wrong secret asks IMS once: the requests after the refusal report it again", async () => {
    const result = await shared.ctx.run({ PRIVATE_KEY: "", META_SCOPE: "", CLIENT_SECRET: "p8e-WRONG" }, {}, runner);
    expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 0 });
    const messages = result.failures.map((failure) => failure.message);
    expect(messages[0]).toMatch(/^ERR_IMS_REJECTED: .*invalid_client.*Check CLIENT_SECRET/);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages.slice(1)) {
      expect(message).toMatch(
        /^ERR_IMS_REJECTED: .*\(Not asked again: IMS refused the same values earlier in this run; a new Send or run asks it again\.\)$/,
      );
    }
  });
});

it("no answer at all (untrusted certificate) is reported as such, not as an HTTP status", async () => {
  const result = await runS2s({}, { caFile: undefined });
  expect(result.failures.map((failure) => failure.message)).toContain(
    "ERR_IMS_UNREACHABLE: No answer from IMS (network, TLS certificate or proxy problem). Check IMS and your connection.",
  );
});
