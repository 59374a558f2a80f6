import { describe, expect, it } from "vitest";
import { buildClaims, JWT_LIFETIME_SECONDS } from "../../src/core/jws/claims.js";

const input = {
  ims: "ims-na1.adobelogin.com",
  orgId: "ABC123@AdobeOrg",
  technicalAccountId: "TA456@techacct.adobe.com",
  clientId: "client789",
  metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"],
};

describe("buildClaims", () => {
  it("builds Adobe's claims with exp in whole seconds a few minutes ahead", () => {
    const now = 1_700_000_000_500;
    expect(buildClaims(input, now)).toEqual({
      exp: 1_700_000_000 + JWT_LIFETIME_SECONDS,
      iss: "ABC123@AdobeOrg",
      sub: "TA456@techacct.adobe.com",
      aud: "https://ims-na1.adobelogin.com/c/client789",
      "https://ims-na1.adobelogin.com/s/ent_aem_cloud_sdk": true,
      "https://ims-na1.adobelogin.com/s/ent_cloudmgr_sdk": true,
    });
    expect(JWT_LIFETIME_SECONDS).toBeGreaterThanOrEqual(60);
    expect(JWT_LIFETIME_SECONDS).toBeLessThanOrEqual(15 * 60);
  });

  it("makes one claim per metascope, never one merged claim", () => {
    const claims = buildClaims({ ...input, metascopes: ["a", "b", "c"] }, 0);
    const scopeClaims = Object.keys(claims).filter((key) => key.includes("/s/"));
    expect(scopeClaims).toEqual([
      "https://ims-na1.adobelogin.com/s/a",
      "https://ims-na1.adobelogin.com/s/b",
      "https://ims-na1.adobelogin.com/s/c",
    ]);
  });
});
