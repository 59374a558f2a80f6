// Which credential a stored token belongs to, and which requests the collection-level scripts leave alone.

import { describe, expect, it } from "vitest";
import { bindingValue, credentialTag, readBinding, storedTokenIsBound, tokenTag } from "../../src/core/ims/token-binding.js";
import { isTokenPath } from "../../src/sandbox/host/postman.js";

const CREDENTIAL = {
  AUTH_FLOW: "",
  IMS: "ims-na1.adobelogin.com",
  API_KEY: "0123456789abcdef0123456789abcdef",
  CLIENT_SECRET: "p8e-FAKE-SECRET-value",
  SCOPES: "openid,AdobeID",
  IMS_ORG: "0123456789ABCDEF01234567@AdobeOrg",
};
const source = (values: Record<string, string>) => (name: string) => values[name];

describe("ACCESS_TOKEN_BINDING", () => {
  it("is a tag of the token and of the credential's identity: 16 hex digits each, no secret in it", () => {
    const value = bindingValue("token-1", source(CREDENTIAL));
    expect(value).toMatch(/^[0-9a-f]{16}\.[0-9a-f]{16}$/);
    expect(value).not.toContain("p8e");
    expect(readBinding(value)).toEqual({ token: tokenTag("token-1"), credential: credentialTag(source(CREDENTIAL)), after401: "" });
  });

  it.each(["AUTH_FLOW", "IMS", "API_KEY", "SCOPES", "META_SCOPE", "IMS_ORG", "TECHNICAL_ACCOUNT_ID"])("changes with %s", (name) => {
    expect(credentialTag(source({ ...CREDENTIAL, [name]: "other" }))).not.toBe(credentialTag(source(CREDENTIAL)));
  });

  it.each(["CLIENT_SECRET", "PRIVATE_KEY", "PRIVATE_KEY_PASSPHRASE", "TOKEN_MARGIN_MINUTES"])(
    "does not change with %s (the token stays valid; the per-request check reads no secret)",
    (name) => {
      expect(credentialTag(source({ ...CREDENTIAL, [name]: "other" }))).toBe(credentialTag(source(CREDENTIAL)));
    },
  );

  it("a user's REFRESH_TOKEN: another one changes the tag (only as its digest); none leaves the other flows' tags as they were", () => {
    const user = { ...CREDENTIAL, AUTH_FLOW: "user", REFRESH_TOKEN: "eyFAKE-refresh-token-one" };
    const tag = credentialTag(source(user));
    expect(credentialTag(source({ ...user, REFRESH_TOKEN: "eyFAKE-refresh-token-two" }))).not.toBe(tag);
    expect(credentialTag(source({ ...user, REFRESH_TOKEN: ` ${user.REFRESH_TOKEN}\n` }))).toBe(tag);
    expect(bindingValue("token-1", source(user))).not.toContain("eyFAKE");
    // An empty REFRESH_TOKEN is the same as none: a Server-to-Server binding stored before stays valid.
    expect(credentialTag(source({ ...CREDENTIAL, REFRESH_TOKEN: "" }))).toBe(credentialTag(source(CREDENTIAL)));
  });

  it("spaces around a value do not count, as the checks trim them", () => {
    expect(credentialTag(source({ ...CREDENTIAL, API_KEY: ` ${CREDENTIAL.API_KEY}\n` }))).toBe(credentialTag(source(CREDENTIAL)));
  });

  it("binds the stored token to these variables only: another token, another credential or no binding is not bound", () => {
    const stored = { ...CREDENTIAL, ACCESS_TOKEN: "token-1", ACCESS_TOKEN_BINDING: bindingValue("token-1", source(CREDENTIAL)) };
    expect(storedTokenIsBound(source(stored))).toBe(true);
    expect(storedTokenIsBound(source({ ...stored, ACCESS_TOKEN: "token-2" }))).toBe(false);
    expect(storedTokenIsBound(source({ ...stored, SCOPES: "openid" }))).toBe(false);
    expect(storedTokenIsBound(source({ ...stored, ACCESS_TOKEN_BINDING: "" }))).toBe(false);
    expect(storedTokenIsBound(source({ ...stored, ACCESS_TOKEN_BINDING: "garbage" }))).toBe(false);
  });

  it("carries what a 401 left (renewed, kept) without unbinding the token", () => {
    const renewed = bindingValue("token-1", source(CREDENTIAL), "renewed");
    expect(readBinding(renewed)?.after401).toBe("renewed");
    expect(storedTokenIsBound(source({ ...CREDENTIAL, ACCESS_TOKEN: "token-1", ACCESS_TOKEN_BINDING: renewed }))).toBe(true);
    expect(readBinding(`${renewed.slice(0, 33)}.unknown`)?.after401).toBe("");
  });
});

describe("the requests the collection-level scripts leave alone", () => {
  it.each(["/ims/exchange/jwt", "/ims/exchange/jwt/", "/ims/token/v3", "/ims/token/v2", "/ims/token", "/ims/authorize/v2", "/ims/revoke"])(
    "%s: a token endpoint",
    (path) => {
      expect(isTokenPath(path)).toBe(true);
    },
  );

  it.each(["/ims/profile/v1", "/ims/userinfo/v2", "/ims/organizations/x/users", "/ims/tokenizer", "/data/foundation", "/"])(
    "%s: an API like any other",
    (path) => {
      expect(isTokenPath(path)).toBe(false);
    },
  );
});
