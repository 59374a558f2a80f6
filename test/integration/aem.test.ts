// AEM as a Cloud Service: service credentials imported into an environment, the JWT flow with two metascopes,
// the AEM requests, and a pasted local development token.

import { sign } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimedMetascopes } from "../../src/emulator/service/assertion-check.js";
import { aemEnvironment } from "../../src/generator/environment/aem-environment.js";
import { readAemCredentials } from "../../src/inputs/aem-credentials.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { makeAemCredentials, registerAemCredentials } from "../helpers/aem-credentials.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";

let ctx: EmulatorContext;
const aem = makeAemCredentials();
beforeAll(async () => {
  ctx = await startEmulator();
  registerAemCredentials(ctx.emulator, aem);
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

/** The service-credentials JSON as the Developer Console gives it, pointing at the emulator. */
function importedEnvironment() {
  const text = JSON.stringify({ ...aem.wrapped, integration: { ...aem.wrapped.integration, imsEndpoint: ctx.emulator.host } }, null, 2);
  return aemEnvironment(readAemCredentials(text, "aem-service-credentials.json"), { aemHost: ctx.emulator.host });
}

function withValues(environment: ReturnType<typeof importedEnvironment>, values: Record<string, string>) {
  return {
    ...environment,
    values: environment.values.map((value) => (value.key in values ? { ...value, value: values[value.key]! } : value)),
  };
}

function runAem(environment: unknown, runner: Runner = runCollection) {
  return runner({ collection: buildCollection(), environment, folder: "AEM", caFile: ctx.caFile });
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s", (_name, runner) => {
  it("imported service credentials: one JWT exchange with both metascopes, then the AEM requests pass", async () => {
    const result = await runAem(importedEnvironment(), runner);
    expect(result.failures).toEqual([]);
    expect(result.assertions).toEqual([
      { item: "AEM: GET /content/dam.json", test: "AEM answered 200", passed: true },
      { item: "AEM: GET current user", test: "AEM answered 200", passed: true },
    ]);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    const [received] = ctx.emulator.assertions;
    expect(received?.outcome).toBe("accepted");
    expect(claimedMetascopes(received!.decoded!.claims, ctx.emulator.host).sort()).toEqual(["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"]);
  });
});

/** A token shaped like AEM's local development token (a JWT with created_at and expires_in in ms), signed by anyone. */
function pastedToken(createdAt: number, lifetimeMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", x5u: "ims_na1-key-at-1.cer" })}.${part({ type: "access_token", created_at: String(createdAt), expires_in: String(lifetimeMs) })}`;
  return `${input}.${sign("sha256", Buffer.from(input), aem.privateKey).toString("base64url")}`;
}

describe("a pasted local development token (no key, no secret)", () => {
  const developer = () => withValues(importedEnvironment(), { PRIVATE_KEY: "", CLIENT_SECRET: "", META_SCOPE: "", API_KEY: "" });

  it("a valid one is used as it is: no IMS call", async () => {
    // A real token from the emulator, pasted by hand.
    const first = await runAem(importedEnvironment());
    expect(first.failures).toEqual([]);
    ctx.emulator.reset();
    const result = await runAem(withValues(developer(), { ACCESS_TOKEN: first.environment.ACCESS_TOKEN! }));
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.jwtExchange + ctx.emulator.calls.tokenV3).toBe(0);
    expect(ctx.emulator.calls.api).toBe(2);
  });

  it("an expired one fails before sending, saying when it expired and where to get a new one", async () => {
    const createdAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    const result = await runAem(withValues(developer(), { ACCESS_TOKEN: pastedToken(createdAt, 86_400_000) }));
    expect(ctx.emulator.calls.api).toBe(0);
    expect(ctx.emulator.calls.jwtExchange + ctx.emulator.calls.tokenV3).toBe(0);
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toMatchObject({ test: "ACCESS_TOKEN is set correctly", name: "ImsAuthError" });
    expect(result.failures[0]?.message).toMatch(
      new RegExp(
        "^ERR_TOKEN_EXPIRED: ACCESS_TOKEN expired at 2026-01-03T03:04:05Z\\. There is no key or client secret to renew it\\. " +
          "Get a new one \\(AEM: Developer Console → Integrations → Get Local Development Token; Adobe Developer Console: " +
          "the credential's Generate access token\\) and paste it into ACCESS_TOKEN\\.( If the token is new, this computer's clock reads .*)?$",
      ),
    );
  });

  it("one within the safety margin fails the same way, naming the margin", async () => {
    const result = await runAem(withValues(developer(), { ACCESS_TOKEN: pastedToken(Date.now() - 86_000_000, 86_400_000) }));
    expect(ctx.emulator.calls.api).toBe(0);
    expect(result.failures[0]?.message).toMatch(/^ERR_TOKEN_EXPIRED: ACCESS_TOKEN expires at .*, within the 10-minute safety margin/);
  });
});
