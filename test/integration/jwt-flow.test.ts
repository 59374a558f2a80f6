// The compiled JWT script in Newman's sandbox, against the emulator over HTTPS; the JWT checked with Node's crypto.

import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeRsaKeyPair } from "../../src/emulator/certificate.js";
import { JWT_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { folderRunner, useEmulator } from "../helpers/emulator.js";

const shared = useEmulator({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"] });
const runFolder = folderRunner(shared, JWT_REQUEST_NAME);
/** With a service account (JWT) credential only, as the workshop environment holds it: no SCOPES. */
const runJwt: typeof runFolder = (overrides = {}, options, runner) => runFolder({ SCOPES: "", ...overrides }, options, runner);

describe("JWT exchange, success", () => {
  it("signs a JWT IMS accepts and stores ACCESS_TOKEN and its expiry", async () => {
    const started = Date.now();
    const result = await runJwt();
    expect(result.failures).toEqual([]);
    expect(result.assertions).toEqual([
      { item: JWT_REQUEST_NAME, test: "IMS issued an access token", passed: true },
      { item: JWT_REQUEST_NAME, test: "ACCESS_TOKEN is stored for the next requests", passed: true },
    ]);
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);

    // The JWT the emulator received, verified independently with Node's crypto against the certificate.
    const [received] = shared.ctx.emulator.assertions;
    expect(received?.outcome).toBe("accepted");
    const [h, p, s] = received!.token.split(".") as [string, string, string];
    const certificateKey = createPublicKey(shared.ctx.credential.certificatePem);
    expect(verify("sha256", Buffer.from(`${h}.${p}`), certificateKey, Buffer.from(s, "base64url"))).toBe(true);
    expect(Buffer.from(h, "base64url").toString()).toBe('{"alg":"RS256","typ":"JWT"}');

    const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>;
    const host = shared.ctx.emulator.host;
    const { integration } = shared.ctx.credential;
    expect(claims).toEqual({
      exp: expect.any(Number),
      iss: integration.orgId,
      sub: integration.technicalAccountId,
      aud: `https://${host}/c/${integration.clientId}`,
      [`https://${host}/s/ent_aem_cloud_sdk`]: true,
      [`https://${host}/s/ent_cloudmgr_sdk`]: true,
    });
    expect(Number.isInteger(claims.exp)).toBe(true);
    expect(claims.exp as number).toBeGreaterThan(started / 1000);
    expect(claims.exp as number).toBeLessThanOrEqual(Date.now() / 1000 + 15 * 60);

    // ACCESS_TOKEN is the token the emulator issued; the expiry is absolute milliseconds.
    const token = result.environment.ACCESS_TOKEN ?? "";
    expect(token.split(".")).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { client_id: string };
    expect(payload.client_id).toBe(integration.clientId);
    const expiresAt = Number(result.environment.ACCESS_TOKEN_EXPIRES_AT);
    expect(expiresAt).toBeGreaterThanOrEqual(started + shared.ctx.emulator.tokenLifetimeMs);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + shared.ctx.emulator.tokenLifetimeMs);
  });

  it("signs the PKCS#1 key with CRLF line ends as it comes from AEM service credentials", async () => {
    const { createPrivateKey } = await import("node:crypto");
    const pkcs1 = createPrivateKey(shared.ctx.credential.privateKeyPem)
      .export({ type: "pkcs1", format: "pem" })
      .toString()
      .replace(/\n/g, "\r\n");
    const result = await runJwt({ PRIVATE_KEY: pkcs1 });
    expect(result.failures).toEqual([]);
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);
  });
});

describe("JWT exchange, IMS refuses: the run fails with IMS's reason and a hint, and no token is stored", () => {
  it.each([
    [
      "a wrong client secret",
      () => ({ CLIENT_SECRET: "p8e-WRONG-SECRET" }),
      // The emulator's binding has AEM's metascopes: the hint names the service credentials' field.
      /HTTP 401 invalid_client.*Check CLIENT_SECRET: use integration\.technicalAccount\.clientSecret of the AEM service credentials/,
    ],
    ["an unknown client id", () => ({ API_KEY: "unknownclient" }), /HTTP 400 invalid_client.*Check API_KEY/],
    [
      "a metascope the binding lacks",
      () => ({ META_SCOPE: "ent_aem_cloud_sdk,ent_analytics_bulk_ingest_sdk" }),
      /invalid_scope.*Check META_SCOPE/,
    ],
    [
      "a key that does not match the certificate",
      () => ({ PRIVATE_KEY: makeRsaKeyPair().privateKeyPem }),
      /Could not match JWT signature.*Check PRIVATE_KEY/,
    ],
    ["another organization", () => ({ IMS_ORG: "FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg" }), /invalid_token.*issuer/],
  ])("%s", async (_name, overrides, reason) => {
    const result = await runJwt(overrides());
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "IMS issued an access token", name: "ImsAuthError" });
    expect(result.failures[0]?.message).toMatch(/^ERR_IMS_REJECTED: IMS refused the token request/);
    expect(result.failures[0]?.message).toMatch(reason);
    expect(result.environment.ACCESS_TOKEN).toBe("");
  });

  it("a metascope list joined with the wrong separator is caught before IMS", async () => {
    // (Dropping or merging metascopes is caught by the exact claims check of the success test.)
    const result = await runJwt({ META_SCOPE: "ent_aem_cloud_sdk;ent_cloudmgr_sdk" });
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(0);
    expect(result.failures[0]?.message).toMatch(/META_SCOPE/);
  });
});

describe("bad variables never reach IMS", () => {
  const required = ["IMS", "IMS_ORG", "TECHNICAL_ACCOUNT_ID", "API_KEY", "CLIENT_SECRET", "META_SCOPE", "PRIVATE_KEY"];

  it.each(required)("missing %s: a named, actionable failure and no IMS call", async (name) => {
    const result = await runJwt({ [name]: "" });
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(0);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: `${name} is set correctly`, name: "ImsAuthError" });
    expect(result.failures[0]?.message).toMatch(new RegExp(`^ERR_MISSING_VARIABLE: ${name} is not set\\. Set it in your environment`));
    expect(result.stats.requests.total).toBe(0);
  });

  it.each([
    ["IMS", "https://ims-na1.adobelogin.com/", "ERR_INVALID_VARIABLE", /set IMS to "ims-na1.adobelogin.com"/],
    ["IMS_ORG", "0123456789ABCDEF01234567", "ERR_INVALID_VARIABLE", /@AdobeOrg/],
    ["TECHNICAL_ACCOUNT_ID", "0123456789ABCDEF01234567", "ERR_INVALID_VARIABLE", /@techacct\.adobe\.com/],
    ["API_KEY", "abc def", "ERR_INVALID_VARIABLE", /client ID only/],
    ["CLIENT_SECRET", "two words", "ERR_INVALID_VARIABLE", /contains spaces/],
    ["META_SCOPE", "ent data", "ERR_INVALID_VARIABLE", /not a valid name/],
    ["PRIVATE_KEY", "not a key", "ERR_PRIVATE_KEY_FORMAT", /is not a PEM private key/],
  ])("malformed %s: a named, actionable failure and no IMS call", async (name, value, code, message) => {
    const result = await runJwt({ [name]: value });
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(0);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.test).toBe(`${name} is set correctly`);
    expect(result.failures[0]?.message).toMatch(new RegExp(`^${code}: `));
    expect(result.failures[0]?.message).toMatch(message);
  });

  it("a certificate pasted as PRIVATE_KEY is named as such", async () => {
    const result = await runJwt({ PRIVATE_KEY: shared.ctx.credential.certificatePem });
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(0);
    expect(result.failures[0]?.message).toMatch(/^ERR_PRIVATE_KEY_TYPE: PRIVATE_KEY holds a certificate/);
  });
});
