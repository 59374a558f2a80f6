// A user's sign-in, headless: the user collection run whole in Newman and postman-runtime 7.56 with REFRESH_TOKEN in the
// environment renews once (grant_type=refresh_token), stores the rotated refresh token in the environment, and names an
// expired, revoked or reused one ERR_SIGN_IN_AGAIN; nothing secret is printed.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { REFRESH_TOKEN_LIFETIME_MS } from "../../src/emulator/user/user-grants.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { buildUserCollection, PROFILE_REQUEST, USERINFO_REQUEST } from "../../src/generator/collection/user-collection.js";
import { buildEnvironment, templateByName, type EnvironmentFile } from "../../src/generator/environment/environments.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { writeCaFile } from "../../src/runner/emulator-environment.js";
import { consoleProblems, type RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import type { Runner } from "../helpers/emulator.js";

const SCOPES = "openid,AdobeID,offline_access,profile,email";
const web = makeUserClient({ kind: "web" });
let emulator: ImsEmulator;
let ca: { file: string; remove: () => void };
const collection = buildUserCollection();

beforeAll(async () => {
  emulator = await ImsEmulator.start({ userClients: [web] });
  ca = writeCaFile(emulator);
});
afterAll(async () => {
  ca.remove();
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

/** A refresh token of the test user, as `login` leaves it. */
const signIn = (scopes = SCOPES) => emulator.signIn.signInWithoutBrowser(web.clientId, scopes.split(",")).refreshToken ?? "";

function userEnvironment(values: Record<string, string> = {}): EnvironmentFile {
  return buildEnvironment(templateByName("oauth-user"), {
    IMS: emulator.host,
    API_KEY: web.clientId,
    CLIENT_SECRET: web.clientSecret ?? "",
    SCOPES,
    REFRESH_TOKEN: signIn(),
    ...values,
  });
}

const tested = (result: RunResult) => [...new Set(result.assertions.map((assertion) => assertion.item))];
const printed = (result: RunResult) =>
  JSON.stringify([result.failures, result.console, result.assertions.map((assertion) => assertion.test)]);

/** Nothing secret in what the run shows: failures, tests, console. */
function expectNoSecrets(result: RunResult, secrets: readonly string[]): void {
  const text = printed(result);
  for (const secret of secrets.filter((value) => value.length > 8)) expect(text.includes(secret), "a secret was printed").toBe(false);
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s, the user collection with REFRESH_TOKEN", (_name, runner) => {
  it("renews once with the refresh token, stores the rotated one in the environment, and every request carries the user's token", async () => {
    const environment = userEnvironment();
    const sent = environment.values.find((entry) => entry.key === "REFRESH_TOKEN")?.value ?? "";
    const result = await runner({ collection, environment, caFile: ca.file });
    expect(result.failures).toEqual([]);
    expect(consoleProblems(result.console)).toEqual([]);
    expect(tested(result)).toEqual([USERINFO_REQUEST, PROFILE_REQUEST]);
    expect(emulator.signIn.calls.refreshToken).toBe(1);
    expect([emulator.calls.tokenV3, emulator.calls.api]).toEqual([1, 2]);
    const rotated = result.environment.REFRESH_TOKEN ?? "";
    expect(rotated).not.toBe(sent);
    expect(result.environment.ACCESS_TOKEN).toBe(emulator.issuedTokens.at(-1));
    expectNoSecrets(result, [sent, rotated, web.clientSecret ?? "", result.environment.ACCESS_TOKEN ?? ""]);

    // The exported environment runs again with no IMS call (the token is fresh); the stored refresh token is the live one.
    emulator.reset();
    const again = await runner({
      collection,
      environment: userEnvironment({
        REFRESH_TOKEN: rotated,
        ACCESS_TOKEN: result.environment.ACCESS_TOKEN ?? "",
        ACCESS_TOKEN_EXPIRES_AT: result.environment.ACCESS_TOKEN_EXPIRES_AT ?? "",
      }),
      caFile: ca.file,
    });
    expect(again.failures).toEqual([]);
    expect(emulator.calls.tokenV3).toBe(0);
  });

  it.each([
    ["expired", () => (emulator.clockOffsetMs = REFRESH_TOKEN_LIFETIME_MS + 60_000), "has expired"],
    ["revoked", () => emulator.revokeRefreshTokens(), "has been revoked"],
  ])("an %s refresh token fails every request with ERR_SIGN_IN_AGAIN, asking IMS once", async (_kind, fault, said) => {
    const environment = userEnvironment();
    fault();
    const result = await runner({ collection, environment, caFile: ca.file });
    expect(result.failures.map((failure) => [failure.item, failure.test])).toEqual([
      [USERINFO_REQUEST, "REFRESH_TOKEN is set correctly"],
      [PROFILE_REQUEST, "REFRESH_TOKEN is set correctly"],
    ]);
    const message = result.failures[0]?.message ?? "";
    expect(message).toMatch(/^ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN \(HTTP 400 invalid_grant: "The refresh token /);
    expect(message).toContain(said);
    expect(message).toContain("postman-ims-auth login --env FILE");
    expect(message).toContain("Get New Access Token");
    expect(emulator.signIn.calls.refreshToken).toBe(1);
    expect(emulator.calls.api).toBe(0);
    expectNoSecrets(result, [environment.values.find((entry) => entry.key === "REFRESH_TOKEN")?.value ?? "", web.clientSecret ?? ""]);
  });

  it("a refresh token already used (an old copy of the environment) is refused, and the live one with it", async () => {
    const environment = userEnvironment();
    const first = await runner({ collection, environment, caFile: ca.file });
    expect(first.failures).toEqual([]);
    const replay = await runner({ collection, environment, caFile: ca.file });
    expect(replay.failures[0]?.message).toContain('"The refresh token has already been used."');
    const live = await runner({
      collection,
      environment: userEnvironment({ REFRESH_TOKEN: first.environment.REFRESH_TOKEN ?? "" }),
      caFile: ca.file,
    });
    expect(live.failures[0]?.message).toMatch(/^ERR_SIGN_IN_AGAIN: .*has been revoked/);
  });

  it("a refresh token that says it has expired is not sent: ERR_SIGN_IN_AGAIN with no IMS call", async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const old = Date.now() - 30 * 86_400_000;
    const expired = `${part({ alg: "RS256" })}.${part({ type: "refresh_token", created_at: String(old), expires_in: String(REFRESH_TOKEN_LIFETIME_MS) })}.c2ln`;
    const result = await runner({ collection, environment: userEnvironment({ REFRESH_TOKEN: expired }), caFile: ca.file });
    expect(result.failures[0]?.message).toMatch(/^ERR_SIGN_IN_AGAIN: REFRESH_TOKEN expired at \d{4}-\d\d-\d\dT/);
    expect(emulator.calls.tokenV3).toBe(0);
  });

  it("no REFRESH_TOKEN (the Postman app signs in instead): no IMS call, one note, and a 401 names REFRESH_TOKEN", async () => {
    const result = await runner({ collection, environment: userEnvironment({ REFRESH_TOKEN: "" }), caFile: ca.file });
    expect(emulator.calls.tokenV3).toBe(0);
    const notes = result.console.flatMap((entry) => entry.messages.map(String)).filter((text) => text.includes("REFRESH_TOKEN is empty"));
    expect(notes).toHaveLength(1);
    expect(result.failures.filter((failure) => failure.test === "REFRESH_TOKEN is set correctly").map((failure) => failure.item)).toEqual([
      USERINFO_REQUEST,
      PROFILE_REQUEST,
    ]);
    expect(result.failures[0]?.message).toMatch(/^ERR_MISSING_VARIABLE: The API answered 401 and there is no REFRESH_TOKEN/);
  });

  it("a wrong client secret is IMS's invalid_client with a hint, not 'sign in again'", async () => {
    const result = await runner({ collection, environment: userEnvironment({ CLIENT_SECRET: "p8e-wrong-secret-value" }), caFile: ca.file });
    expect(result.failures[0]?.message).toMatch(
      /^ERR_IMS_REJECTED: IMS refused the token request \(HTTP 400 invalid_client: .*Check CLIENT_SECRET/,
    );
  });
});

describe("the default collection with a user's environment", () => {
  it("steps its Authenticate requests aside with a note naming the user flow", async () => {
    const result = await runCollection({
      collection: buildCollection(),
      environment: userEnvironment(),
      caFile: ca.file,
      folder: "Authenticate",
    });
    expect(result.failures).toEqual([]);
    const notes = result.console.flatMap((entry) => entry.messages.map(String));
    expect(
      notes.filter((text) =>
        /^postman-ims-auth: skipped "IMS: .*": AUTH_FLOW is user\. To use this request, set AUTH_FLOW to (jwt|oauth-s2s)\.$/.test(text),
      ),
    ).toHaveLength(2);
    expect(emulator.calls.tokenV3).toBe(0);
  });
});
