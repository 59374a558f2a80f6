// planToken and checkCredentials: the flow chosen as the collection does, and every offline problem at once.

import { describe, expect, it } from "vitest";
import { checkCredentials } from "../../src/core/ims/credential-checks.js";
import { planToken } from "../../src/core/ims/token-request.js";
import { pastedToken } from "../helpers/credential-files.js";
import { rsaKeyPems } from "../helpers/keys.js";

const NOW = Date.now();
const source = (values: Record<string, string>) => (name: string) => values[name];
const KEY = rsaKeyPems(2048).pkcs8;
const JWT = {
  IMS: "ims-na1.adobelogin.com",
  IMS_ORG: "ABCDEF0123456789@AdobeOrg",
  TECHNICAL_ACCOUNT_ID: "0123456789ABCDEF@techacct.adobe.com",
  API_KEY: "client1",
  CLIENT_SECRET: "p8e-TEST",
  META_SCOPE: "ent_dataservices_sdk",
  PRIVATE_KEY: KEY,
};

describe("planToken", () => {
  it("JWT: a signed request to /ims/exchange/jwt", () => {
    const plan = planToken(source(JWT), NOW);
    expect(plan.ok && plan.flow).toBe("jwt");
    if (!plan.ok || plan.flow === "token") throw new Error("no request");
    expect(plan.request.url).toBe("https://ims-na1.adobelogin.com/ims/exchange/jwt");
    expect(plan.request.form.map(([key]) => key)).toEqual(["client_id", "client_secret", "jwt_token"]);
  });

  it("a pasted token: used as it is, with its expiry", () => {
    const token = pastedToken(NOW, 3_600_000);
    expect(planToken(source({ ACCESS_TOKEN: token }), NOW)).toEqual({
      ok: true,
      flow: "token",
      accessToken: token,
      expiresAt: NOW + 3_600_000,
    });
  });

  it("problems, never thrown: no flow, an expired token, bad variables", () => {
    const codes = (values: Record<string, string>) => {
      const plan = planToken(source(values), NOW);
      return plan.ok ? [] : plan.problems.map((problem) => problem.code);
    };
    expect(codes({})).toEqual(["ERR_AUTH_FLOW"]);
    expect(codes({ ACCESS_TOKEN: pastedToken(NOW - 86_400_000, 3_600_000) })).toEqual(["ERR_TOKEN_EXPIRED"]);
    expect(codes({ ...JWT, IMS_ORG: "x", API_KEY: "" })).toEqual(["ERR_INVALID_VARIABLE", "ERR_MISSING_VARIABLE"]);
  });
});

describe("checkCredentials", () => {
  it("a good JWT credential: no problem, the key's size", () => {
    expect(checkCredentials(source(JWT), NOW)).toEqual({ flow: "jwt", problems: [], keyBits: 2048 });
  });

  it("the variables and the key are checked together, every problem at once", () => {
    const checked = checkCredentials(source({ ...JWT, META_SCOPE: "", PRIVATE_KEY: rsaKeyPems(1024).pkcs1 }), NOW);
    expect(checked.problems.map((problem) => [problem.code, problem.variable])).toEqual([
      ["ERR_MISSING_VARIABLE", "META_SCOPE"],
      ["ERR_PRIVATE_KEY_SIZE", "PRIVATE_KEY"],
    ]);
  });

  it("S2S and a pasted token", () => {
    const s2s = checkCredentials(source({ IMS: "ims-na1.adobelogin.com", API_KEY: "c", CLIENT_SECRET: "s", SCOPES: "" }), NOW);
    expect(s2s.flow).toBe("s2s");
    expect(s2s.problems.map((problem) => problem.variable)).toEqual(["SCOPES"]);
    const token = checkCredentials(source({ ACCESS_TOKEN: pastedToken(NOW, 7_200_000) }), NOW);
    expect(token).toEqual({ flow: "token", problems: [], tokenExpiresAt: NOW + 7_200_000 });
  });
});
