// A value that looks like a secret (long and random) is never quoted in an error, whatever variable it sits in.

import { describe, expect, it } from "vitest";
import { requireImsHost } from "../../src/core/config/checks.js";
import { checkCredentials } from "../../src/core/ims/credential-checks.js";
import { requireClientId, requireOrgId } from "../../src/core/config/identity-checks.js";
import { looksLikeSecret } from "../../src/core/config/secret-names.js";

const HEX_SECRET = "5f3c1a9e8b7d6c4f2e1a0b9c8d7e6f5a";
const UUID_SECRET = "1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e";

function messageOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the check passed");
}

describe("looksLikeSecret", () => {
  it.each([HEX_SECRET, UUID_SECRET, "p8e-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", `${HEX_SECRET}@AdobeOrg`])(
    "%s looks like a secret",
    (value) => {
      expect(looksLikeSecret(value)).toBe(true);
    },
  );
  it.each([
    "0123456789ABCDEF01234567@AdobeOrg",
    "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
    "author-p123-e456.adobeaemcloud.com",
    "ent_aem_cloud_sdk,ent_cloudmgr_sdk",
    "YOUR_CLIENT_SECRET_HERE_PLEASE_REPLACE",
    "ims-na1.adobelogin.com",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
  ])("%s does not", (value) => expect(looksLikeSecret(value)).toBe(false));
});

describe("a secret in the wrong variable is not quoted", () => {
  it("a 32-hex client secret pasted into IMS_ORG: the message says it looks like a secret, and neither it nor a 'corrected' form is shown", () => {
    const message = messageOf(() => requireOrgId(() => HEX_SECRET));
    expect(message).toMatch(
      /^IMS_ORG holds a value that looks like a secret or key \(not shown here\), but it must look like "0123456789ABCDEF01234567@AdobeOrg"/,
    );
    expect(message).not.toContain(HEX_SECRET);
  });
  it("the same in IMS (it would pass for a host name) and with a stray character in API_KEY", () => {
    const ims = messageOf(() => requireImsHost(() => HEX_SECRET));
    expect(ims).toMatch(/^IMS holds a value that looks like a secret or key/);
    const apiKey = messageOf(() => requireClientId(() => `${UUID_SECRET};`));
    for (const message of [ims, apiKey]) expect(message).not.toContain(HEX_SECRET.slice(0, 12));
    expect(apiKey).not.toContain(UUID_SECRET.slice(0, 12));
  });
  it("every problem the doctor's checks report for secrets in every identifier quotes none of them", () => {
    const values: Record<string, string> = {
      IMS: UUID_SECRET,
      IMS_ORG: HEX_SECRET,
      TECHNICAL_ACCOUNT_ID: `${HEX_SECRET}@techacct`,
      API_KEY: `"${HEX_SECRET}"x`,
      CLIENT_SECRET: HEX_SECRET,
      META_SCOPE: HEX_SECRET,
      PRIVATE_KEY: "x",
      SCOPES: `${UUID_SECRET};`,
    };
    const { problems } = checkCredentials((name) => values[name], Date.now());
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) {
      expect(problem.message).not.toContain(HEX_SECRET.slice(0, 16));
      expect(problem.message).not.toContain(UUID_SECRET.slice(0, 16));
    }
  });
  it("a human-readable value is still quoted, with the fix", () => {
    expect(messageOf(() => requireOrgId(() => "1234ABCD@adobeorg"))).toContain('set IMS_ORG to "1234ABCD@AdobeOrg"');
  });
});
