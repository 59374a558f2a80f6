// The emulator signs a user in as Adobe documents IMS: authorize and consent, authorization_code with PKCE, refresh_token
// with rotation, offline_access and the 14-day lifetime, their faults, userinfo and profile, each checked over HTTPS.

import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { TEST_USER } from "../../src/emulator/user/test-user.js";
import { makeUserClient, POSTMAN_CALLBACK } from "../../src/emulator/user/user-clients.js";
import { REFRESH_TOKEN_LIFETIME_MS } from "../../src/emulator/user/user-grants.js";
import { basicAuth, imsHttp, type HttpAnswer } from "../helpers/ims-http.js";

const LOOPBACK = "https://localhost:8443/callback";
const web = makeUserClient({ kind: "web" });
const spa = makeUserClient({ kind: "spa" });
const VERIFIER = "a".repeat(20) + "B".repeat(20) + "-._~0123";
const S256 = createHash("sha256").update(VERIFIER).digest("base64url");
const SCOPES = "openid,AdobeID,offline_access,profile,email";

let emulator: ImsEmulator;
beforeAll(async () => {
  emulator = await ImsEmulator.start({ userClients: [web, spa], autoConsent: true });
});
afterAll(async () => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.signIn.autoConsent = true;
  emulator.clockOffsetMs = 0;
});

function authorizeUrl(params: Record<string, string>): string {
  return `/ims/authorize/v2?${new URLSearchParams({ response_type: "code", ...params }).toString()}`;
}

/** Where the answer sends the browser, with its query parameters. */
function redirected(answer: HttpAnswer): { to: string; params: URLSearchParams } {
  expect(answer.status).toBe(302);
  const location = new URL(String(answer.headers.location));
  return { to: `${location.origin}${location.pathname}`, params: location.searchParams };
}

async function codeFor(client = web, extra: Record<string, string> = {}): Promise<string> {
  const answer = await imsHttp(
    emulator,
    authorizeUrl({ client_id: client.clientId, redirect_uri: LOOPBACK, scope: SCOPES, state: "s-1", ...extra }),
  );
  const { params } = redirected(answer);
  expect(params.get("state")).toBe("s-1");
  return params.get("code") ?? "";
}

function webToken(form: Record<string, string>): Promise<HttpAnswer> {
  return imsHttp(emulator, "/ims/token/v3", { form, headers: basicAuth(web.clientId, web.clientSecret ?? "") });
}

async function signedIn(): Promise<Record<string, unknown>> {
  const code = await codeFor(web, { code_challenge: S256, code_challenge_method: "S256" });
  const answer = await webToken({ grant_type: "authorization_code", code, code_verifier: VERIFIER, redirect_uri: LOOPBACK });
  expect(answer.status, answer.text).toBe(200);
  return answer.json ?? {};
}

const claims = (token: unknown) => JSON.parse(Buffer.from(String(token).split(".")[1] ?? "", "base64url").toString("utf8"));

describe("authorize", () => {
  it("Web App, S256: the code goes to the requested loopback URI with the state; the code exchange gives access, refresh and ID tokens", async () => {
    const body = await signedIn();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 86399, sub: TEST_USER.userId });
    expect(typeof body.access_token).toBe("string");
    // Shaped as IMS shapes them, so that Adobe's own library reads their expiry (created_at + expires_in).
    expect(claims(body.refresh_token)).toMatchObject({ type: "refresh_token", expires_in: String(REFRESH_TOKEN_LIFETIME_MS) });
    expect(claims(body.id_token)).toMatchObject({ iss: `https://${emulator.host}`, aud: web.clientId, sub: TEST_USER.userId });
    expect(emulator.signIn.calls).toEqual({ authorize: 1, consent: 0, authorizationCode: 1, refreshToken: 0, revoke: 0 });
    expect(emulator.calls.tokenV3).toBe(1);
  });

  it("the sign-in page: Allow posts the form and redirects with a code; the page cannot be answered twice", async () => {
    emulator.signIn.autoConsent = false;
    const page = await imsHttp(emulator, authorizeUrl({ client_id: web.clientId, redirect_uri: LOOPBACK, scope: SCOPES, state: "x" }));
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.text).toContain(TEST_USER.email);
    expect(page.text).toContain("offline_access");
    const interaction = /name="interaction" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const allowed = await imsHttp(emulator, "/ims/authorize/v2/consent", { form: { interaction, decision: "allow" } });
    const { to, params } = redirected(allowed);
    expect([to, params.get("state"), params.has("code")]).toEqual([LOOPBACK, "x", true]);
    const again = await imsHttp(emulator, "/ims/authorize/v2/consent", { form: { interaction, decision: "allow" } });
    expect(again.status).toBe(400);
    expect(again.text).toContain("expired or was already answered");
  });

  it("Cancel sends access_denied back to the application", async () => {
    emulator.signIn.autoConsent = false;
    const page = await imsHttp(emulator, authorizeUrl({ client_id: web.clientId, redirect_uri: LOOPBACK, scope: "openid" }));
    const interaction = /name="interaction" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const { params } = redirected(await imsHttp(emulator, "/ims/authorize/v2/consent", { form: { interaction, decision: "deny" } }));
    expect(params.get("error")).toBe("access_denied");
    expect(params.has("code")).toBe(false);
  });

  it("a redirect URI the pattern refuses, or none, sends the browser to the default redirect URI, as Adobe documents", async () => {
    for (const redirect of ["https://evil.example/callback", "http://localhost:8443/callback", undefined]) {
      const query = { client_id: web.clientId, scope: "openid", ...(redirect ? { redirect_uri: redirect } : {}) };
      expect(redirected(await imsHttp(emulator, authorizeUrl(query))).to).toBe(POSTMAN_CALLBACK);
    }
    const postman = await imsHttp(emulator, authorizeUrl({ client_id: web.clientId, scope: "openid", redirect_uri: POSTMAN_CALLBACK }));
    expect(redirected(postman).to).toBe(POSTMAN_CALLBACK);
  });

  it("refuses what IMS refuses: unknown client (a page), unknown scope, another response_type, a public client without PKCE", async () => {
    const unknown = await imsHttp(emulator, authorizeUrl({ client_id: "nobody", redirect_uri: LOOPBACK }));
    expect([unknown.status, unknown.text.includes("invalid_client")]).toEqual([400, true]);
    const cases: Array<[Record<string, string>, string]> = [
      [{ client_id: web.clientId, scope: "openid,read_everything" }, "invalid_scope"],
      [{ client_id: web.clientId, response_type: "token" }, "unsupported_response_type"],
      [{ client_id: spa.clientId, scope: "openid" }, "invalid_request"],
      [{ client_id: web.clientId, code_challenge: S256, code_challenge_method: "S512" }, "invalid_request"],
      [{ client_id: web.clientId, prompt: "none" }, "login_required"],
    ];
    for (const [query, error] of cases) {
      const { params } = redirected(await imsHttp(emulator, authorizeUrl({ redirect_uri: LOOPBACK, ...query })));
      expect(params.get("error"), JSON.stringify(query)).toBe(error);
    }
  });
});

describe("authorization_code", () => {
  it("PKCE plain (IMS's default method) works; a wrong or missing verifier does not", async () => {
    const plain = await codeFor(web, { code_challenge: VERIFIER });
    expect((await webToken({ grant_type: "authorization_code", code: plain, code_verifier: VERIFIER })).status).toBe(200);
    const wrong = await codeFor(web, { code_challenge: S256, code_challenge_method: "S256" });
    const refused = await webToken({ grant_type: "authorization_code", code: wrong, code_verifier: `${VERIFIER}x` });
    expect(refused.json).toEqual({ error: "invalid_grant", error_description: "code_verifier does not match the code_challenge." });
    const missing = await codeFor(web, { code_challenge: S256, code_challenge_method: "S256" });
    expect((await webToken({ grant_type: "authorization_code", code: missing })).json?.error).toBe("invalid_request");
  });

  it("a Single-Page App signs in with PKCE and client_id alone, and gets no refresh token even with offline_access", async () => {
    const code = await codeFor(spa, { code_challenge: S256, code_challenge_method: "S256" });
    const answer = await imsHttp(emulator, `/ims/token/v3?client_id=${spa.clientId}`, {
      form: { grant_type: "authorization_code", code, code_verifier: VERIFIER },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).not.toHaveProperty("refresh_token");
  });

  it("the client secret may come in the body; a wrong one is invalid_client, 401 in a Basic header, 400 in the body", async () => {
    const code = await codeFor(web);
    const body = await imsHttp(emulator, "/ims/token/v3", {
      form: { grant_type: "authorization_code", code, client_id: web.clientId, client_secret: web.clientSecret ?? "" },
    });
    expect(body.status).toBe(200);
    const header = await imsHttp(emulator, "/ims/token/v3", {
      form: { grant_type: "authorization_code", code: await codeFor(web) },
      headers: basicAuth(web.clientId, "wrong"),
    });
    expect([header.status, header.json?.error]).toEqual([401, "invalid_client"]);
    const inBody = await imsHttp(emulator, "/ims/token/v3", {
      form: { grant_type: "authorization_code", code: await codeFor(web), client_id: web.clientId, client_secret: "wrong" },
    });
    expect([inBody.status, inBody.json?.error_description]).toEqual([400, "invalid client_secret parameter"]);
  });

  it("a code works once; replayed, it is refused and the refresh token it gave is revoked (RFC 6749 §4.1.2)", async () => {
    const code = await codeFor(web);
    const first = await webToken({ grant_type: "authorization_code", code });
    const replay = await webToken({ grant_type: "authorization_code", code });
    expect(replay.json).toEqual({ error: "invalid_grant", error_description: "The authorization code has already been used." });
    const refresh = await webToken({ grant_type: "refresh_token", refresh_token: String(first.json?.refresh_token) });
    expect(refresh.json).toEqual({ error: "invalid_grant", error_description: "The refresh token has been revoked." });
  });

  it("a redirect_uri that differs from the authorize request's is refused", async () => {
    const code = await codeFor(web);
    const answer = await webToken({ grant_type: "authorization_code", code, redirect_uri: "https://localhost:9999/other" });
    expect(answer.json?.error).toBe("invalid_grant");
  });
});

describe("refresh_token", () => {
  it("rotates: each answer carries a new refresh token; the old one, used again, revokes the newest too", async () => {
    const first = String((await signedIn()).refresh_token);
    const second = await webToken({ grant_type: "refresh_token", refresh_token: first });
    expect(second.status).toBe(200);
    const next = String(second.json?.refresh_token);
    expect(next).not.toBe(first);
    expect(second.json).toMatchObject({ token_type: "bearer", expires_in: 86399 });
    const reused = await webToken({ grant_type: "refresh_token", refresh_token: first });
    expect(reused.json).toEqual({ error: "invalid_grant", error_description: "The refresh token has already been used." });
    const after = await webToken({ grant_type: "refresh_token", refresh_token: next });
    expect(after.json?.error_description).toBe("The refresh token has been revoked.");
    expect(emulator.signIn.calls.refreshToken).toBe(3);
  });

  it("expires 14 days after it was issued, by IMS's clock", async () => {
    const token = String((await signedIn()).refresh_token);
    emulator.clockOffsetMs = REFRESH_TOKEN_LIFETIME_MS - 60_000;
    const still = await webToken({ grant_type: "refresh_token", refresh_token: token });
    expect(still.status).toBe(200);
    emulator.clockOffsetMs = 2 * REFRESH_TOKEN_LIFETIME_MS;
    const expired = await webToken({ grant_type: "refresh_token", refresh_token: String(still.json?.refresh_token) });
    expect(expired.json).toEqual({ error: "invalid_grant", error_description: "The refresh token has expired." });
  });

  it("POST /ims/revoke ends it (200, no body); revokeRefreshTokens ends every one", async () => {
    const token = String((await signedIn()).refresh_token);
    const revoked = await imsHttp(emulator, "/ims/revoke", { form: { token }, headers: basicAuth(web.clientId, web.clientSecret ?? "") });
    expect([revoked.status, revoked.text]).toEqual([200, ""]);
    expect((await webToken({ grant_type: "refresh_token", refresh_token: token })).json?.error).toBe("invalid_grant");
    const other = String((await signedIn()).refresh_token);
    emulator.revokeRefreshTokens();
    expect((await webToken({ grant_type: "refresh_token", refresh_token: other })).json?.error_description).toBe(
      "The refresh token has been revoked.",
    );
  });

  it("a narrower scope may be asked for, a wider one not; another client's token is refused", async () => {
    const token = String((await signedIn()).refresh_token);
    const narrower = await webToken({ grant_type: "refresh_token", refresh_token: token, scope: "openid,offline_access" });
    expect(claims(narrower.json?.access_token).scope).toBe("openid,offline_access");
    const wider = await webToken({
      grant_type: "refresh_token",
      refresh_token: String(narrower.json?.refresh_token),
      scope: "openid,admin",
    });
    expect(wider.json?.error).toBe("invalid_scope");
    const stranger = await imsHttp(emulator, "/ims/token/v3", {
      form: { grant_type: "refresh_token", refresh_token: String(narrower.json?.refresh_token), client_id: spa.clientId },
    });
    expect(stranger.json?.error_description).toBe("The refresh token was issued to another client.");
  });

  it("an unknown grant type on v3 is still refused as before", async () => {
    const answer = await imsHttp(emulator, "/ims/token/v3", { form: { grant_type: "password", client_id: web.clientId } });
    expect(answer.json?.error).toBe("unsupported_grant_type");
  });
});

describe("who is signed in", () => {
  it("/ims/userinfo/v2 gives the claims of the token's scopes; /ims/profile/v1 the profile; no token is 401", async () => {
    const token = String((await signedIn()).access_token);
    const info = await imsHttp(emulator, "/ims/userinfo/v2", { headers: { authorization: `Bearer ${token}` } });
    expect(info.json).toEqual({
      sub: TEST_USER.userId,
      account_type: "ind",
      name: "Test User",
      given_name: "Test",
      family_name: "User",
      email: TEST_USER.email,
      email_verified: true,
    });
    const profile = await imsHttp(emulator, "/ims/profile/v1", { headers: { authorization: `Bearer ${token}` } });
    expect(profile.json).toMatchObject({ userId: TEST_USER.userId, displayName: "Test User", email: TEST_USER.email });
    expect((await imsHttp(emulator, "/ims/userinfo/v2")).status).toBe(401);
    expect(emulator.calls.api).toBe(3);
  });

  it("signInWithoutBrowser gives what a consented sign-in gives, for rehearsals", async () => {
    const { refreshToken, accessToken } = emulator.signIn.signInWithoutBrowser(web.clientId, ["openid", "offline_access", "email"]);
    const info = await imsHttp(emulator, "/ims/userinfo/v2", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(info.json).toEqual({ sub: TEST_USER.userId, email: TEST_USER.email, email_verified: true });
    expect((await webToken({ grant_type: "refresh_token", refresh_token: refreshToken ?? "" })).status).toBe(200);
  });
});
