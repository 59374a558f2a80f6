// The other variables' checks: template text, swapped or mistyped identifiers, secrets in the wrong place, pasted tokens, clock hints.

import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { hintFor, readTokenResponse } from "../../src/core/ims/ims-response.js";
import { readJwtConfig } from "../../src/core/config/jwt-config.js";
import { readS2sConfig } from "../../src/core/config/s2s-config.js";
import { CLOCK_SKEW_MS } from "../../src/core/ims/token-freshness.js";
import { checkPastedToken } from "../../src/core/ims/token-request.js";
import { VALID_JWT_VARIABLES } from "../helpers/variables.js";

const valid: Record<string, string> = { ...VALID_JWT_VARIABLES, SCOPES: "openid,AdobeID" };

function problems(overrides: Record<string, string>, read: typeof readJwtConfig | typeof readS2sConfig = readJwtConfig) {
  const vars = { ...valid, ...overrides };
  const result = read((name) => vars[name]);
  return result.ok ? [] : result.problems.map((problem) => ({ code: problem.code, variable: problem.variable, message: problem.message }));
}

describe("template text is 'not filled in'", () => {
  it.each([
    [
      "IMS_ORG",
      "{{ORG_ID}}@AdobeOrg",
      /IMS_ORG is not filled in: it still holds the placeholder \{\{ORG_ID\}\}@AdobeOrg \(no variable ORG_ID is defined\)/,
    ],
    ["API_KEY", "YOUR_CLIENT_ID", /API_KEY is not filled in: it still holds the placeholder YOUR_CLIENT_ID/],
    ["TECHNICAL_ACCOUNT_ID", "your-technical-account-id", /not filled in/],
    ["META_SCOPE", "changeme", /not filled in/],
    ["IMS_ORG", "xxxxxxxx", /not filled in/],
    [
      "CLIENT_SECRET",
      "{{process.env.ADOBE_CLIENT_SECRET}}",
      /^CLIENT_SECRET is \{\{process\.env\.ADOBE_CLIENT_SECRET\}\}, but the environment variable ADOBE_CLIENT_SECRET is not set: set it where bru runs \(a CI secret\), or in the \.env file next to the collection\.$/,
    ],
    ["API_KEY", "undefined", /API_KEY is not set/],
    ["API_KEY", "null", /API_KEY is not set/],
  ])("%s = %j", (name, value, message) => {
    const [problem] = problems({ [name]: value });
    expect(problem).toMatchObject({ code: "ERR_MISSING_VARIABLE", variable: name });
    expect(problem?.message).toMatch(message);
  });

  it("a secret's template text is named, never quoted unless it is a plain placeholder", () => {
    expect(problems({ CLIENT_SECRET: "<client secret>" })[0]?.message).toMatch(/still holds the placeholder <client secret>/);
    expect(problems({ CLIENT_SECRET: "{{SECRET}}" })[0]?.message).toMatch(/placeholder \{\{SECRET\}\} \(no variable SECRET is defined\)/);
  });
});

describe("identifiers: swapped, mistyped, with the corrected value suggested", () => {
  it.each([
    [
      "IMS_ORG",
      "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
      /IMS_ORG holds a technical account ID .* belongs in TECHNICAL_ACCOUNT_ID; IMS_ORG ends in @AdobeOrg\. Are IMS_ORG and TECHNICAL_ACCOUNT_ID swapped\?/,
    ],
    ["TECHNICAL_ACCOUNT_ID", "0123456789ABCDEF01234567@AdobeOrg", /TECHNICAL_ACCOUNT_ID holds an organization ID .* swapped\?/],
    ["IMS_ORG", "0123456789ABCDEF01234567", /must look like .*: set IMS_ORG to "0123456789ABCDEF01234567@AdobeOrg"/],
    ["IMS_ORG", "0123456789ABCDEF01234567@adobeorg", /set IMS_ORG to "0123456789ABCDEF01234567@AdobeOrg"/],
    ["IMS_ORG", '"0123456789ABCDEF01234567@AdobeOrg",', /set IMS_ORG to "0123456789ABCDEF01234567@AdobeOrg"/],
    ["TECHNICAL_ACCOUNT_ID", "ABCDEF0123456789ABCDEF01", /set TECHNICAL_ACCOUNT_ID to "ABCDEF0123456789ABCDEF01@techacct\.adobe\.com"/],
    [
      "TECHNICAL_ACCOUNT_ID",
      "ABCDEF0123456789ABCDEF01@TECHACCT.ADOBE.COM",
      /set TECHNICAL_ACCOUNT_ID to "ABCDEF0123456789ABCDEF01@techacct\.adobe\.com"/,
    ],
    ["API_KEY", "'0123456789abcdef'", /set API_KEY to "0123456789abcdef"/],
  ])("%s = %j", (name, value, message) => {
    const [problem] = problems({ [name]: value });
    expect(problem).toMatchObject({ code: "ERR_INVALID_VARIABLE", variable: name });
    expect(problem?.message).toMatch(message);
  });
});

describe("secrets in the wrong place are named, never repeated", () => {
  it.each([readJwtConfig, readS2sConfig])("a client secret in API_KEY (%o)", (read) => {
    const [problem] = problems({ API_KEY: "p8e-ABCDEFGHIJ0123456789" }, read);
    expect(problem).toMatchObject({ code: "ERR_INVALID_VARIABLE", variable: "API_KEY" });
    expect(problem?.message).toMatch(/API_KEY holds a client secret \(it starts with p8e-\): put the Client ID/);
    expect(problem?.message).not.toContain("ABCDEFGHIJ");
  });

  it("the client ID given as CLIENT_SECRET", () => {
    expect(problems({ CLIENT_SECRET: valid.API_KEY! })).toEqual([
      expect.objectContaining({ variable: "CLIENT_SECRET", message: expect.stringMatching(/CLIENT_SECRET is the same as API_KEY/) }),
    ]);
  });

  it("a PEM key in CLIENT_SECRET", () => {
    const [problem] = problems({ CLIENT_SECRET: valid.PRIVATE_KEY! });
    expect(problem?.message).toMatch(/CLIENT_SECRET holds a PEM key; the private key belongs in PRIVATE_KEY/);
    expect(problem?.message).not.toContain("FAKE");
  });

  it("a key or token pasted into a non-secret variable is not quoted back", () => {
    for (const value of [valid.PRIVATE_KEY!, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "x".repeat(200)]) {
      for (const name of ["IMS", "IMS_ORG", "TECHNICAL_ACCOUNT_ID", "API_KEY", "META_SCOPE"]) {
        const found = problems({ [name]: value });
        if (name !== "META_SCOPE") expect(found.length).toBeGreaterThan(0);
        for (const problem of found) expect(problem.message).not.toContain(value.slice(0, 30));
      }
    }
  });
});

describe("pasted tokens", () => {
  const now = 1_800_000_000_000;
  const token = (expiresAt: number) =>
    `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ created_at: String(expiresAt - 86_400_000), expires_in: "86400000" })).toString("base64url")}.c2ln`;
  const check = (vars: Record<string, string>) => checkPastedToken((name) => vars[name], now);
  const refusal = (vars: Record<string, string>) => {
    try {
      check(vars);
    } catch (error) {
      if (error instanceof ImsAuthError) return error;
      throw error;
    }
    throw new Error("accepted");
  };

  it.each([
    ["Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", /starts with "Bearer "/],
    ['{"ok":true,"statusCode":200,"accessToken":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}', /holds JSON .* paste only the value of accessToken/],
    ["eyJhbGciOiJSUzI1NiJ9.e30\n.c2ln", /contains spaces or line breaks/],
  ])("a mis-pasted token is refused without quoting it: %j", (value, message) => {
    const error = refusal({ ACCESS_TOKEN: value });
    expect(error).toMatchObject({ code: "ERR_INVALID_VARIABLE", variable: "ACCESS_TOKEN" });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("c2ln");
  });

  it("a token with an hour left is used; its expiry is returned", () => {
    expect(check({ ACCESS_TOKEN: token(now + 3_600_000) })).toBe(now + 3_600_000);
  });

  it("an expired token says when, what this computer's clock reads, and where to get another", () => {
    const error = refusal({ ACCESS_TOKEN: token(now - 60_000) });
    expect(error.code).toBe("ERR_TOKEN_EXPIRED");
    expect(error.message).toMatch(/expired at 2027-01-15T07:59:00Z\. There is no key or client secret to renew it\. Get a new one/);
    expect(error.message).toMatch(/this computer's clock reads 2027-01-15T08:00:00Z \(UTC\)/);
  });

  it("tolerates a clock a few minutes off: even with TOKEN_MARGIN_MINUTES=0 a token is not used in its last CLOCK_SKEW_MS", () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
    expect(refusal({ ACCESS_TOKEN: token(now + 4 * 60_000), TOKEN_MARGIN_MINUTES: "0" }).message).toMatch(
      /within the 5-minute safety margin/,
    );
    expect(check({ ACCESS_TOKEN: token(now + 6 * 60_000), TOKEN_MARGIN_MINUTES: "0" })).toBe(now + 6 * 60_000);
  });

  it("a payload that decodes to invalid UTF-8 is simply a token without a readable expiry", () => {
    expect(check({ ACCESS_TOKEN: `a.${Buffer.from([0xf7, 0xbf, 0xbf, 0xbf]).toString("base64url")}.c` })).toBeUndefined();
  });
});

describe("IMS errors about expiry say the machine's clock may be wrong", () => {
  const now = Date.UTC(2030, 0, 2, 3, 4, 5);
  it.each([
    ["invalid_token", "JWT token is expired."],
    ["invalid_token", "JWT token expiry is more than 24 hours ahead."],
    ["bad_request", "exp must be in the future"],
    ["invalid_grant", "The token is not yet valid (nbf)."],
  ])("%s: %s", (error, description) => {
    expect(hintFor("jwt", 400, error, description, now)).toMatch(
      /This computer's clock reads 2030-01-02T03:04:05Z \(UTC\): if that is not the current time, the machine's clock may be wrong/,
    );
  });

  it("other errors do not", () => {
    expect(hintFor("jwt", 400, "invalid_scope", "not a subset", now)).not.toMatch(/clock/);
  });
});

describe("IMS quoting a secret back", () => {
  it("is redacted from our message", () => {
    const body = JSON.stringify({
      error: "invalid_client",
      error_description: "client_secret p8e-SECRET-123 is not valid for jwt eyJ.x.y",
    });
    let message = "";
    try {
      readTokenResponse("jwt", 401, body, 0, ["p8e-SECRET-123", "eyJ.x.y"]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/client_secret \[redacted\] is not valid for jwt \[redacted\]/);
    expect(message).not.toContain("p8e-SECRET-123");
  });
});
