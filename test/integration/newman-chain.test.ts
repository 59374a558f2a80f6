// A chain of Newman runs, each starting from the environment the last one exported (what --export-environment
// writes), as a CI job or a developer's shell carries it: the token follows the credential, refusals are not kept.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import type { EnvironmentFile } from "../../src/generator/environment/environments.js";
import { runCollection } from "../../src/runner/newman-run.js";
import type { RunResult } from "../../src/runner/run-result.js";
import { s2sOnlyEnvironment, startEmulator, type EmulatorContext } from "../helpers/emulator.js";

const SANDBOXES = "Platform: List sandboxes";
const PROFILE = "My request: IMS profile";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ scopes: ["openid", "AdobeID", "read_organizations"] });
});
afterAll(async () => ctx.close());
beforeEach(() => {
  ctx.emulator.reset();
  ctx.emulator.addIntegration(ctx.credential.integration);
});

function collection(): Record<string, unknown> {
  const built = buildCollection();
  const profile = { name: PROFILE, request: { method: "GET", url: "https://{{IMS}}/ims/profile/v1" } };
  return { ...built, item: [...(built.item as unknown[]), profile] };
}

function environment(values: Record<string, string>): EnvironmentFile {
  return s2sOnlyEnvironment(ctx.emulator, ctx.credential.integration, {
    SCOPES: "openid,AdobeID",
    SANDBOX_NAME: "prod",
    PLATFORM_HOST: ctx.emulator.host,
    ...values,
  });
}

/** One `newman run --folder NAME -e FILE --export-environment FILE`: the exported values and the IMS calls it cost. */
async function run(values: Record<string, string>, folder = SANDBOXES): Promise<{ result: RunResult; calls: number }> {
  const before = ctx.emulator.imsCalls;
  const result = await runCollection({ collection: collection(), environment: environment(values), caFile: ctx.caFile, folder });
  return { result, calls: ctx.emulator.imsCalls - before };
}

describe("Newman runs chained through the exported environment", () => {
  it("the exported token is reused; SCOPES changed in the next step gets a new token, one IMS call", async () => {
    const first = await run({});
    expect(first.calls).toBe(1);
    const reused = await run(first.result.environment);
    expect(reused.result.failures).toEqual([]);
    expect(reused.calls).toBe(0);
    const changed = await run({ ...reused.result.environment, SCOPES: "openid,AdobeID,read_organizations" });
    expect(changed.result.failures).toEqual([]);
    expect(changed.calls).toBe(1);
  });

  it("a refusal is not carried: the next run asks IMS again and succeeds once the credential has the scope", async () => {
    const wanted = "openid,AdobeID,ent_analytics_bulk_ingest_sdk";
    const refused = await run({ SCOPES: wanted });
    expect(refused.calls).toBe(1);
    expect(refused.result.failures.map((failure) => failure.message).join("\n")).toContain("ERR_IMS_REJECTED");
    expect(JSON.stringify(refused.result.environment)).not.toContain("ERR_IMS_REJECTED");
    const { integration } = ctx.credential;
    ctx.emulator.addIntegration({ ...integration, scopes: [...(integration.scopes ?? []), "ent_analytics_bulk_ingest_sdk"] });
    const fixed = await run(refused.result.environment);
    expect(fixed.result.failures).toEqual([]);
    expect(fixed.calls).toBe(1);
  });

  it("IMS's profile API as the only request of a run goes with a token", async () => {
    const profile = await run({}, PROFILE);
    expect(profile.result.failures).toEqual([]);
    expect(profile.calls).toBe(1);
    expect(ctx.emulator.calls.api).toBe(1);
  });

  it("a token revoked between runs: the run's first request gets 401, the next request of the same run renews once", async () => {
    const first = await run({});
    ctx.emulator.revokeTokens();
    const before = ctx.emulator.imsCalls;
    const result = await runCollection({
      collection: collection(),
      environment: environment(first.result.environment),
      caFile: ctx.caFile,
      folder: SANDBOXES,
      iterationCount: 2,
    });
    expect(ctx.emulator.imsCalls - before).toBe(1);
    const statuses = result.assertions.filter((assertion) => assertion.test === "Platform answered 200").map((a) => a.passed);
    expect(statuses).toEqual([false, true]);
  });
});
