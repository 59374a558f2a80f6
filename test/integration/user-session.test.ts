// A user's sign-in in the Postman app, in postman-runtime 7.56 (its engine): the environment and the collection's variables
// kept from Send to Send while refresh tokens rotate, are replaced by hand, revoked, and an API answers 401. Every scenario
// counts IMS calls exactly.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { buildUserCollection, PROFILE_REQUEST, USERINFO_REQUEST, USER_FOLDER } from "../../src/generator/collection/user-collection.js";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { writeCaFile } from "../../src/runner/emulator-environment.js";
import type { RunResult } from "../../src/runner/run-result.js";
import { AppSession } from "../helpers/app-session.js";

const SCOPES = "openid,AdobeID,offline_access,profile,email";
/**
 * The sandbox's clock cannot be moved, so a token's life is shortened instead: 20 minutes, renewed 10 minutes before
 * it ends (the default margin). "Hours later" moves the stored expiry 14 minutes closer, as the app's clock would see
 * it; the token's own expiry (created_at + expires_in) stays within the 15 minutes by which the two may differ.
 */
const TOKEN_LIFETIME_MS = 20 * 60_000;
const HOURS_LATER_MS = 14 * 60_000;
const web = makeUserClient({ kind: "web" });
let emulator: ImsEmulator;
let ca: { file: string; remove: () => void };

beforeAll(async () => {
  emulator = await ImsEmulator.start({ userClients: [web], tokenLifetimeMs: TOKEN_LIFETIME_MS });
  ca = writeCaFile(emulator);
});
afterAll(async () => {
  ca.remove();
  await emulator.close();
});
beforeEach(() => emulator.reset());

/** A refresh token (and the access token beside it) of the test user, as `login` leaves them. */
const signIn = (scopes = SCOPES) => emulator.signIn.signInWithoutBrowser(web.clientId, scopes.split(","));

function session(values: Record<string, string> = {}): AppSession {
  const environment = buildEnvironment(templateByName("oauth-user"), {
    IMS: emulator.host,
    API_KEY: web.clientId,
    CLIENT_SECRET: web.clientSecret ?? "",
    SCOPES,
    REFRESH_TOKEN: signIn().refreshToken ?? "",
    ...values,
  });
  return new AppSession(buildUserCollection(), environment, { caFile: ca.file });
}

async function counted(send: () => Promise<RunResult>): Promise<{ result: RunResult; calls: number }> {
  const before = emulator.imsCalls;
  const result = await send();
  return { result, calls: emulator.imsCalls - before };
}

function hoursLater(app: AppSession): void {
  app.environment.ACCESS_TOKEN_EXPIRES_AT = String(Number(app.environment.ACCESS_TOKEN_EXPIRES_AT) - HOURS_LATER_MS);
}

const messages = (result: RunResult) => result.failures.map((failure) => failure.message);
const printed = (result: RunResult) => result.console.map((entry) => entry.messages.join(" ")).join("\n");
const claims = (token: string | undefined) =>
  JSON.parse(Buffer.from(String(token).split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

describe("a user's sign-in, Send after Send (postman-runtime 7.56, state kept)", () => {
  it("a week of Sends: one renewal per token life, each storing the rotated refresh token, which keeps the token bound", async () => {
    const app = session();
    const seen = new Set([app.environment.REFRESH_TOKEN]);
    for (let day = 1; day <= 7; day++) {
      const first = await counted(() => app.send(USERINFO_REQUEST));
      expect(first.result.failures, `day ${day}`).toEqual([]);
      expect(first.calls, `day ${day}: the renewal`).toBe(1);
      expect(seen.has(app.environment.REFRESH_TOKEN), `day ${day}: a new refresh token stored`).toBe(false);
      seen.add(app.environment.REFRESH_TOKEN);
      // Later that day: the stored token, bound to the refresh token our own renewal stored.
      const later = await counted(() => app.send(USER_FOLDER));
      expect(later.result.failures, `day ${day}`).toEqual([]);
      expect(later.calls, `day ${day}: no renewal`).toBe(0);
      hoursLater(app);
    }
    expect(emulator.signIn.calls.refreshToken).toBe(7);
    expect(app.environment.ACCESS_TOKEN_BINDING).toMatch(/^[0-9a-f]{16}\.[0-9a-f]{16}$/);
  });

  it("a refresh token replaced by hand (another sign-in) gets its own token on the next Send: one IMS call", async () => {
    const app = session();
    expect((await counted(() => app.send(USERINFO_REQUEST))).calls).toBe(1);
    expect(claims(app.environment.ACCESS_TOKEN).scope).toContain("email");
    // Signed in again, consenting to less: the new refresh token's grant has no email.
    app.environment.REFRESH_TOKEN = signIn("openid,AdobeID,offline_access,profile").refreshToken ?? "";
    const replaced = await counted(() => app.send(USERINFO_REQUEST));
    expect(replaced.result.failures).toEqual([]);
    expect(replaced.calls).toBe(1);
    expect(claims(app.environment.ACCESS_TOKEN).scope).not.toContain("email");
    expect((await counted(() => app.send(PROFILE_REQUEST))).calls).toBe(0);
  });

  it("the token login wrote beside its refresh token is used as it is, not renewed; the next renewal is when it runs out", async () => {
    const login = signIn();
    const app = session({
      REFRESH_TOKEN: login.refreshToken ?? "",
      ACCESS_TOKEN: login.accessToken,
      ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + TOKEN_LIFETIME_MS),
      ACCESS_TOKEN_BINDING: "",
    });
    const adopted = await counted(() => app.send(USER_FOLDER));
    expect(adopted.result.failures).toEqual([]);
    expect(adopted.calls).toBe(0);
    expect(app.environment.ACCESS_TOKEN).toBe(login.accessToken);
    expect(app.environment.ACCESS_TOKEN_BINDING).not.toBe("");
    expect((await counted(() => app.send(USERINFO_REQUEST))).calls).toBe(0);
    hoursLater(app);
    expect((await counted(() => app.send(USERINFO_REQUEST))).calls).toBe(1);
  });

  it("another client's token with a user's refresh token is not adopted: renewed, one IMS call", async () => {
    const other = makeUserClient({ kind: "web" });
    emulator.addUserClient(other);
    const foreign = emulator.signIn.signInWithoutBrowser(other.clientId, SCOPES.split(",")).accessToken;
    const app = session({ ACCESS_TOKEN: foreign, ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + TOKEN_LIFETIME_MS) });
    const sent = await counted(() => app.send(USERINFO_REQUEST));
    expect(sent.result.failures).toEqual([]);
    expect(sent.calls).toBe(1);
    expect(claims(app.environment.ACCESS_TOKEN).client_id).toBe(web.clientId);
  });

  it("a revoked refresh token: ERR_SIGN_IN_AGAIN once per run, IMS asked again on the next Send, and a new sign-in works", async () => {
    const app = session();
    await app.send(USERINFO_REQUEST);
    emulator.revokeRefreshTokens();
    hoursLater(app);
    const refused = await counted(() => app.runAll());
    expect(refused.calls).toBe(1);
    const said = messages(refused.result);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN .*has been revoked/);
    expect(said[1]).toContain("Not asked again: IMS refused the same values earlier in this run");
    expect(refused.result.failures.map((failure) => failure.test)).toEqual([
      "REFRESH_TOKEN is set correctly",
      "REFRESH_TOKEN is set correctly",
    ]);
    expect(Object.values(app.collectionVariables).join("\n")).not.toContain("ERR_SIGN_IN_AGAIN");
    const again = await counted(() => app.send(USERINFO_REQUEST));
    expect(again.calls).toBe(1);
    expect(messages(again.result).join("\n")).not.toContain("Not asked again");
    app.environment.REFRESH_TOKEN = signIn().refreshToken ?? "";
    const signedIn = await counted(() => app.runAll());
    expect(signedIn.result.failures).toEqual([]);
    expect(signedIn.calls).toBe(1);
  });

  it("a 401 from an API renews once, on the next request", async () => {
    const app = session();
    await app.send(USERINFO_REQUEST);
    emulator.revokeTokens();
    const unauthorized = await counted(() => app.send(USERINFO_REQUEST));
    expect(unauthorized.calls).toBe(0);
    expect(printed(unauthorized.result)).toContain("401 Unauthorized; ACCESS_TOKEN will be renewed before the next request");
    const renewed = await counted(() => app.send(USER_FOLDER));
    expect(renewed.result.failures).toEqual([]);
    expect(renewed.calls).toBe(1);
    expect((await counted(() => app.send(USERINFO_REQUEST))).calls).toBe(0);
  });
});
