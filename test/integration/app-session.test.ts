// A week in the Postman app, in postman-runtime 7.56 (its engine): the environment and the collection's variables kept
// from Send to Send while the user edits credentials, fixes things in the Developer Console and adds requests. Every
// scenario counts IMS calls exactly.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeThrowawayCredential, type Integration } from "../../src/emulator/service/integration.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { buildEnvironment, templateByName, type EnvironmentFile } from "../../src/generator/environment/environments.js";
import type { RunResult } from "../../src/runner/run-result.js";
import { AppSession } from "../helpers/app-session.js";
import { s2sOnlyEnvironment, startEmulator, type EmulatorContext } from "../helpers/emulator.js";

const SANDBOXES = "Platform: List sandboxes";
const MY_REQUEST = "My request: sandboxes";
const PROFILE = "My request: IMS profile";
const SANDBOXES_PATH = "/data/foundation/sandbox-management/sandboxes";

let ctx: EmulatorContext;
/** A second credential of the same organization: day 2 of a workshop, or stage after dev. */
let second: Integration;
beforeAll(async () => {
  ctx = await startEmulator({ scopes: ["openid", "AdobeID", "read_organizations"] });
  const other = makeThrowawayCredential({ scopes: ["openid", "AdobeID"] }).integration;
  second = { ...other, orgId: ctx.credential.integration.orgId };
  ctx.emulator.addIntegration(second);
});
afterAll(async () => ctx.close());
beforeEach(() => {
  ctx.emulator.reset();
  ctx.emulator.addIntegration(ctx.credential.integration);
});

/** Requests a user adds after importing: no scripts of their own, the collection's auth inherited. */
function collectionWithOwnRequests(): Record<string, unknown> {
  const collection = buildCollection();
  const header = [
    { key: "x-api-key", value: "{{API_KEY}}" },
    { key: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
  ];
  const own = [
    { name: MY_REQUEST, request: { method: "GET", header, url: `https://{{PLATFORM_HOST}}${SANDBOXES_PATH}` } },
    { name: PROFILE, request: { method: "GET", url: "https://{{IMS}}/ims/profile/v1" } },
  ];
  return { ...collection, item: [...(collection.item as unknown[]), ...own] };
}

function s2sEnvironment(integration: Integration, extra: Record<string, string> = {}): EnvironmentFile {
  return s2sOnlyEnvironment(ctx.emulator, integration, { SANDBOX_NAME: "prod", PLATFORM_HOST: ctx.emulator.host, ...extra });
}

function session(environment: EnvironmentFile = s2sEnvironment(ctx.credential.integration)): AppSession {
  return new AppSession(collectionWithOwnRequests(), environment, { caFile: ctx.caFile });
}

/** Runs `send` and gives what it cost in IMS calls. */
async function counted(send: () => Promise<RunResult>): Promise<{ result: RunResult; calls: number }> {
  const before = ctx.emulator.imsCalls;
  const result = await send();
  return { result, calls: ctx.emulator.imsCalls - before };
}

function messages(result: RunResult): string[] {
  return result.failures.map((failure) => failure.message);
}

function printed(result: RunResult): string {
  return result.console.map((entry) => entry.messages.join(" ")).join("\n");
}

function tokenClaims(token: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(String(token).split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("a Postman app session (postman-runtime 7.56, state kept between Sends)", () => {
  it("a second Send uses the stored token: no IMS call, and ACCESS_TOKEN_BINDING beside it holds no secret", async () => {
    const app = session();
    const first = await counted(() => app.send(SANDBOXES));
    expect(first.result.failures).toEqual([]);
    expect(first.calls).toBe(1);
    const again = await counted(() => app.send(SANDBOXES));
    expect(again.result.failures).toEqual([]);
    expect(again.calls).toBe(0);
    expect(app.environment.ACCESS_TOKEN_BINDING).toMatch(/^[0-9a-f]{16}\.[0-9a-f]{16}$/);
    expect(JSON.stringify(app.collectionVariables)).not.toContain(ctx.credential.integration.clientSecret);
  });

  it("credential switched in the same environment (API_KEY and CLIENT_SECRET): the next Send gets the new client's token, one IMS call", async () => {
    const app = session();
    await app.send(SANDBOXES);
    Object.assign(app.environment, { API_KEY: second.clientId, CLIENT_SECRET: second.clientSecret, SCOPES: "openid,AdobeID" });
    const switched = await counted(() => app.send(SANDBOXES));
    expect(switched.result.failures).toEqual([]);
    expect(switched.calls).toBe(1);
    expect(tokenClaims(app.environment.ACCESS_TOKEN).client_id).toBe(second.clientId);
    expect((await counted(() => app.send(MY_REQUEST))).calls).toBe(0);
  });

  it("a typo in API_KEY fixed after a token was obtained: the token of the right client, not a 403 for 24 hours", async () => {
    const app = session(s2sEnvironment(ctx.credential.integration, { API_KEY: `${ctx.credential.integration.clientId}x` }));
    const typo = await counted(() => app.send(SANDBOXES));
    expect(typo.calls).toBe(1);
    expect(messages(typo.result).join("\n")).toContain("ERR_IMS_REJECTED");
    app.environment.API_KEY = ctx.credential.integration.clientId;
    const fixed = await counted(() => app.send(SANDBOXES));
    expect(fixed.result.failures).toEqual([]);
    expect(fixed.calls).toBe(1);
  });

  it("SCOPES changed: the old token is not kept, IMS is asked once for the new scopes", async () => {
    const app = session(s2sEnvironment(ctx.credential.integration, { SCOPES: "openid,AdobeID" }));
    await app.send(SANDBOXES);
    expect(tokenClaims(app.environment.ACCESS_TOKEN).scope).toBe("openid,AdobeID");
    app.environment.SCOPES = "openid,AdobeID,read_organizations";
    const changed = await counted(() => app.send(SANDBOXES));
    expect(changed.result.failures).toEqual([]);
    expect(changed.calls).toBe(1);
    expect(tokenClaims(app.environment.ACCESS_TOKEN).scope).toBe("openid,AdobeID,read_organizations");
  });

  it("a refusal fixed in the Developer Console (scope added to the credential), no variable changed: the next Send asks IMS and succeeds", async () => {
    const { integration } = ctx.credential;
    const app = session(s2sEnvironment(integration, { SCOPES: "openid,AdobeID,read_organizations,ent_analytics_bulk_ingest_sdk" }));
    const refused = await counted(() => app.runAll());
    // Within one run (Run collection): IMS refused once, the other requests repeat its answer.
    expect(refused.calls).toBe(1);
    expect(messages(refused.result).join("\n")).toContain("ERR_IMS_REJECTED");
    expect(messages(refused.result).join("\n")).toContain("Not asked again: IMS refused the same values earlier in this run");
    // Nothing of the refusal outlives the run: the app keeps no memo in the collection's variables.
    expect(Object.values(app.collectionVariables).join("\n")).not.toContain("ERR_IMS_REJECTED");
    ctx.emulator.addIntegration({ ...integration, scopes: [...(integration.scopes ?? []), "ent_analytics_bulk_ingest_sdk"] });
    const fixed = await counted(() => app.send(SANDBOXES));
    expect(fixed.result.failures).toEqual([]);
    expect(fixed.calls).toBe(1);
  });

  it("a Send after a refusal asks IMS again (a new run), once", async () => {
    const app = session(s2sEnvironment(ctx.credential.integration, { CLIENT_SECRET: "p8e-WRONG-SECRET-FOR-TEST" }));
    expect((await counted(() => app.send(SANDBOXES))).calls).toBe(1);
    const again = await counted(() => app.send(SANDBOXES));
    expect(again.calls).toBe(1);
    expect(messages(again.result).join("\n")).not.toContain("Not asked again");
  });

  it("a revoked token on a request the user added: its 401 is seen, the next Send renews once and gets 200", async () => {
    const app = session();
    expect((await counted(() => app.send(MY_REQUEST))).result.failures).toEqual([]);
    ctx.emulator.revokeTokens();
    const revoked = await counted(() => app.send(MY_REQUEST));
    expect(revoked.calls).toBe(0);
    expect(printed(revoked.result)).toContain("401 Unauthorized; ACCESS_TOKEN will be renewed before the next request");
    const recovered = await counted(() => app.send(MY_REQUEST));
    expect(recovered.calls).toBe(1);
    expect(printed(recovered.result)).not.toContain("401");
    expect((await counted(() => app.send(MY_REQUEST))).calls).toBe(0);
  });

  it("a 401 that persists with a fresh token is not renewed again: one renewal, its likely cause said once", async () => {
    const app = session();
    await app.send(MY_REQUEST);
    ctx.emulator.injectFaults(SANDBOXES_PATH, [{ status: 401 }, { status: 401 }, { status: 401 }, { status: 401 }]);
    const results: Array<{ result: RunResult; calls: number }> = [];
    for (let send = 0; send < 4; send++) results.push(await counted(() => app.send(MY_REQUEST)));
    // The first 401 renews (on the next Send); the token obtained for it gets a 401 too: kept from then on.
    expect(results.map((sent) => sent.calls)).toEqual([0, 1, 0, 0]);
    const warnings = results.map((sent) => printed(sent.result).includes("to a token IMS issued just now"));
    expect(warnings).toEqual([false, true, false, false]);
    expect(printed(results[1]?.result as RunResult)).toContain("product profile");
    // A fault-free answer later: the same token still serves, with no further IMS call.
    const after = await counted(() => app.send(MY_REQUEST));
    expect(after.result.failures).toEqual([]);
    expect(after.calls).toBe(0);
  });

  it("IMS's own profile API as the first Send of a session: it goes with a token, one IMS call", async () => {
    const app = session();
    const first = await counted(() => app.send(PROFILE));
    expect(first.calls).toBe(1);
    expect(first.result.failures).toEqual([]);
    expect(printed(first.result)).not.toContain("401");
    expect(ctx.emulator.calls.api).toBe(1);
  });

  it("environments switched back and forth: each keeps its own token, no IMS call when switching back", async () => {
    const app = session();
    expect((await counted(() => app.send(SANDBOXES))).calls).toBe(1);
    const first = app.switchEnvironment(
      Object.fromEntries(s2sEnvironment(second, { SCOPES: "openid,AdobeID" }).values.map(({ key, value }) => [key, String(value)])),
    );
    expect((await counted(() => app.send(SANDBOXES))).calls).toBe(1);
    const secondValues = app.switchEnvironment(first);
    const back = await counted(() => app.send(SANDBOXES));
    expect(back.result.failures).toEqual([]);
    expect(back.calls).toBe(0);
    app.switchEnvironment(secondValues);
    const forth = await counted(() => app.send(SANDBOXES));
    expect(forth.result.failures).toEqual([]);
    expect(forth.calls).toBe(0);
  });

  it("a token stored by someone else's request for the same client is used as it is; one for another client is not", async () => {
    const app = session();
    await app.send(SANDBOXES);
    const ours = app.environment.ACCESS_TOKEN ?? "";
    // Another client's token pasted over ours (a copy from another environment): renewed, one call.
    const other = session(s2sEnvironment(second, { SCOPES: "openid,AdobeID" }));
    await other.send(SANDBOXES);
    app.environment.ACCESS_TOKEN = other.environment.ACCESS_TOKEN ?? "";
    const foreign = await counted(() => app.send(SANDBOXES));
    expect(foreign.calls).toBe(1);
    expect(tokenClaims(app.environment.ACCESS_TOKEN).client_id).toBe(ctx.credential.integration.clientId);
    // This client's token, stored by another request (ACCESS_TOKEN alone, as Adobe's collections do): kept.
    app.environment.ACCESS_TOKEN = ours;
    const same = await counted(() => app.send(SANDBOXES));
    expect(same.result.failures).toEqual([]);
    expect(same.calls).toBe(0);
    expect(app.environment.ACCESS_TOKEN).toBe(ours);
  });

  it("TOKEN_MARGIN_MINUTES as long as the token's life: a named error, and no IMS call on every Send", async () => {
    const app = session(s2sEnvironment(ctx.credential.integration, { TOKEN_MARGIN_MINUTES: "1440" }));
    const first = await counted(() => app.send(SANDBOXES));
    expect(first.calls).toBe(1);
    expect(messages(first.result)).toEqual([
      expect.stringMatching(/^ERR_INVALID_VARIABLE: TOKEN_MARGIN_MINUTES is 1440, but IMS's tokens/),
    ]);
    const next = await counted(() => app.send(SANDBOXES));
    expect(next.calls).toBe(0);
    expect(messages(next.result)[0]).toContain("TOKEN_MARGIN_MINUTES");
    app.environment.TOKEN_MARGIN_MINUTES = "30";
    const fixed = await counted(() => app.send(SANDBOXES));
    expect(fixed.result.failures).toEqual([]);
    expect(fixed.calls).toBe(0);
  });
});

describe("ACCESS_TOKEN = {{vault:…}} in the app", () => {
  it("a pasted token kept in Postman Vault is read from the vault and sent: no IMS call, no 'no vault' message", async () => {
    const donor = session();
    await donor.send(SANDBOXES);
    const token = donor.environment.ACCESS_TOKEN ?? "";
    const environment = buildEnvironment(templateByName("oauth-s2s"), {
      IMS: ctx.emulator.host,
      API_KEY: ctx.credential.integration.clientId,
      IMS_ORG: ctx.credential.integration.orgId,
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: ctx.emulator.host,
      ACCESS_TOKEN: "{{vault:adobe-access-token}}",
    });
    const reads: string[] = [];
    const app = new AppSession(collectionWithOwnRequests(), environment, {
      caFile: ctx.caFile,
      vault: { secrets: { "adobe-access-token": token }, scriptAccess: true, onRead: (key) => reads.push(key) },
    });
    for (let send = 0; send < 2; send++) {
      const sent = await counted(() => app.send(SANDBOXES));
      expect(sent.result.failures).toEqual([]);
      expect(sent.calls).toBe(0);
    }
    expect(reads).toEqual(["adobe-access-token"]);
    expect(app.environment.ACCESS_TOKEN).toBe("{{vault:adobe-access-token}}");
  });
});
