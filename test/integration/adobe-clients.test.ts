// Adobe's own Node clients get tokens from the emulator, and IMS's error bodies for bad credentials:
// @adobe/jwt-auth (multipart JWT exchange at /ims/exchange/jwt/) and @adobe/aio-lib-ims's getToken(context) with its
// JWT plugin (multipart /ims/exchange/jwt) and its OAuth Server-to-Server plugin (multipart /ims/token/v2).

import { mkdtempSync, rmSync } from "node:fs";
import { globalAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import authorize from "@adobe/jwt-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useEmulator } from "../helpers/emulator.js";

type AioLibIms = typeof import("@adobe/aio-lib-ims");

const AEM_METASCOPES = ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"];
const SCOPES = ["openid", "AdobeID", "read_organizations"];
const shared = useEmulator({ metascopes: AEM_METASCOPES, scopes: SCOPES });

// aio-lib-ims keeps its contexts, and the tokens it gets, in @adobe/aio-lib-core-config's file: a temporary one, never ~/.config/aio.
const configDir = mkdtempSync(join(tmpdir(), "aio-config-"));
let aio: AioLibIms;
const hadCa = Object.hasOwn(globalAgent.options, "ca");
let originalCa: typeof globalAgent.options.ca;

beforeAll(async () => {
  process.env.AIO_CONFIG_FILE = join(configDir, "aio");
  aio = await import("@adobe/aio-lib-ims");
  // Both libraries fetch with node-fetch 2, which goes through https.globalAgent: trust the emulator's certificate there.
  originalCa = globalAgent.options.ca;
  globalAgent.options.ca = shared.ctx.emulator.caCertificatePem;
  // aio-lib-ims has no host option: every URL it calls, and the JWT's aud and metascope claims, are
  // Ims.prototype.getApiUrl(path) (its endpoint for prod or stage + the path). Pointing that one method at the
  // emulator points all of it there, and a test that forgot to could only reach the emulator's error, never Adobe.
  vi.spyOn(aio.Ims.prototype, "getApiUrl").mockImplementation((api: string) => `https://${shared.ctx.emulator.host}${api}`);
});

afterAll(() => {
  // Put back exactly what was there: an agent's own `ca`, even undefined, overrides every request's (vitest runs
  // other files in this process after this one).
  if (hadCa) globalAgent.options.ca = originalCa;
  else delete globalAgent.options.ca;
  vi.restoreAllMocks();
  delete process.env.AIO_CONFIG_FILE;
  rmSync(configDir, { recursive: true, force: true });
});

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

function jwtAuthOptions(overrides: Partial<authorize.JWTAuthConfig> = {}): authorize.JWTAuthConfig {
  const { integration, privateKeyPem } = shared.ctx.credential;
  return {
    clientId: integration.clientId,
    technicalAccountId: integration.technicalAccountId,
    orgId: integration.orgId,
    clientSecret: integration.clientSecret,
    privateKey: privateKeyPem,
    metaScopes: AEM_METASCOPES,
    ims: `https://${shared.ctx.emulator.host}`,
    ...overrides,
  };
}

/** The error a promise rejects with, or a failure when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}

describe("@adobe/jwt-auth", () => {
  it("gets a token for two metascopes (ent_aem_cloud_sdk,ent_cloudmgr_sdk) through a multipart JWT exchange", async () => {
    const answer = await authorize(jwtAuthOptions());
    expect(answer.expires_in).toBe(86_399_999);
    expect(claims(answer.access_token)).toMatchObject({
      as: "ims-na1",
      scope: AEM_METASCOPES.join(","),
      client_id: shared.ctx.credential.integration.clientId,
    });
    const [received] = shared.ctx.emulator.assertions;
    expect(received?.outcome).toBe("accepted");
    const metascopeClaims = Object.keys(received?.decoded?.claims ?? {}).filter((key) => key.includes("/s/"));
    expect(metascopeClaims).toEqual(AEM_METASCOPES.map((name) => `https://${shared.ctx.emulator.host}/s/${name}`));
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);
  });

  it("sees IMS's error for a wrong client secret", async () => {
    const error = await rejection(authorize(jwtAuthOptions({ clientSecret: "p8e-wrong-secret" })));
    expect([error.code, error.message]).toEqual(["invalid_client", "invalid client_secret parameter"]);
  });

  it("sees IMS's error for a metascope the credential is not bound to", async () => {
    const error = await rejection(authorize(jwtAuthOptions({ metaScopes: ["ent_aem_cloud_sdk", "ent_analytics_bulk_ingest_sdk"] })));
    expect([error.code, error.message]).toEqual([
      "invalid_scope",
      "The metascopes in the JWT are not a subset of the metascopes in the binding.",
    ]);
  });
});

describe("@adobe/aio-lib-ims getToken(context)", () => {
  const jwtContext = (overrides: Record<string, unknown> = {}) => {
    const { integration, privateKeyPem } = shared.ctx.credential;
    return {
      client_id: integration.clientId,
      client_secret: integration.clientSecret,
      technical_account_id: integration.technicalAccountId,
      ims_org_id: integration.orgId,
      meta_scopes: AEM_METASCOPES,
      private_key: privateKeyPem,
      ...overrides,
    };
  };
  const s2sContext = (overrides: Record<string, unknown> = {}) => {
    const { integration } = shared.ctx.credential;
    return {
      client_id: integration.clientId,
      client_secrets: [integration.clientSecret],
      technical_account_id: integration.technicalAccountId,
      technical_account_email: "service-account@techacct.adobe.com",
      ims_org_id: integration.orgId,
      scopes: SCOPES,
      ...overrides,
    };
  };
  const tokenFor = async (name: string, data: object) => {
    await aio.context.set(name, data);
    return aio.getToken(name, {});
  };

  it("JWT plugin: a token for both metascopes, which Ims.fromToken resolves to Adobe's prod IMS", async () => {
    const token = await tokenFor("emulator-jwt", jwtContext());
    expect(claims(token).scope).toBe(AEM_METASCOPES.join(","));
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);
    expect((await aio.Ims.fromToken(token)).ims.env).toBe("prod");
  });

  it("OAuth Server-to-Server plugin: a token from POST /ims/token/v2", async () => {
    const token = await tokenFor("emulator-s2s", s2sContext());
    expect(claims(token)).toMatchObject({ as: "ims-na1", scope: SCOPES.join(",") });
    expect(shared.ctx.emulator.calls).toMatchObject({ tokenV2: 1, tokenV3: 0, jwtExchange: 0 });
  });

  it("sees IMS's error body for a wrong secret, in either plugin", async () => {
    const s2s = await rejection(tokenFor("emulator-s2s-wrong-secret", s2sContext({ client_secrets: ["p8e-wrong-secret"] })));
    expect(s2s.message).toBe('400 (Bad Request): {"error":"invalid_client","error_description":"invalid client_secret parameter"}');
    const jwt = await rejection(tokenFor("emulator-jwt-wrong-secret", jwtContext({ client_secret: "p8e-wrong-secret" })));
    expect(jwt.message).toBe('401 (Unauthorized): {"error":"invalid_client","error_description":"invalid client_secret parameter"}');
  });

  it("sees IMS's error body for a scope or metascope outside the credential", async () => {
    const s2s = await rejection(tokenFor("emulator-s2s-scope", s2sContext({ scopes: ["openid", "ent_user_sdk"] })));
    expect(s2s.message).toMatch(
      /^400 \(Bad Request\): \{"error":"invalid_scope","error_description":"The requested scopes are not a subset/,
    );
    const jwt = await rejection(tokenFor("emulator-jwt-metascope", jwtContext({ meta_scopes: ["ent_user_sdk"] })));
    expect(jwt.message).toMatch(
      /^400 \(Bad Request\): \{"error":"invalid_scope","error_description":"The metascopes in the JWT are not a subset/,
    );
  });
});
