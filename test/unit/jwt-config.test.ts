import { describe, expect, it } from "vitest";
import { readJwtConfig } from "../../src/core/config/jwt-config.js";
import { VALID_JWT_VARIABLES } from "../helpers/variables.js";

const valid: Record<string, string> = { ...VALID_JWT_VARIABLES };

function problemsFor(overrides: Record<string, string | undefined>) {
  const vars = { ...valid, ...overrides };
  const result = readJwtConfig((name) => vars[name]);
  return result.ok ? [] : result.problems;
}

describe("readJwtConfig", () => {
  it("accepts a complete configuration, trimming values", () => {
    const result = readJwtConfig((name) => (name === "IMS_ORG" ? ` ${valid.IMS_ORG} ` : valid[name]));
    expect(result).toEqual({
      ok: true,
      value: {
        ims: valid.IMS,
        orgId: valid.IMS_ORG,
        technicalAccountId: valid.TECHNICAL_ACCOUNT_ID,
        clientId: valid.API_KEY,
        clientSecret: valid.CLIENT_SECRET,
        metascopes: ["ent_dataservices_sdk"],
        privateKey: valid.PRIVATE_KEY,
        privateKeyPassphrase: "",
      },
    });
  });

  it.each(Object.keys(valid))("names %s when it is missing, empty or a placeholder", (name) => {
    for (const value of [undefined, "", "   ", `{{${name}}}`, "<your value here>"]) {
      const problems = problemsFor({ [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe("ERR_MISSING_VARIABLE");
      expect(problems[0]?.variable).toBe(name);
      expect(problems[0]?.message).toMatch(new RegExp(`^${name} is not (set|filled in)`));
    }
  });

  it.each([
    ["IMS", "https://ims-na1.adobelogin.com/", /set IMS to "ims-na1\.adobelogin\.com"/],
    ["IMS", "ims-na1.adobelogin.com/ims/exchange/jwt", /set IMS to "ims-na1\.adobelogin\.com"/],
    ["IMS", "ims na1", /bare host name/],
    ["IMS_ORG", "0123456789ABCDEF01234567", /must look like ".*@AdobeOrg"/],
    ["IMS_ORG", "0123456789ABCDEF01234567@adobeorg.com", /@AdobeOrg/],
    ["TECHNICAL_ACCOUNT_ID", "ABCDEF@AdobeOrg", /@techacct\.adobe\.com/],
    ["API_KEY", "abc def", /client ID only/],
    ["CLIENT_SECRET", "p8e-FAKE SECRET", /contains spaces/],
    ["META_SCOPE", "ent dataservices", /not a valid name/],
  ])("explains a malformed %s (%j)", (name, value, message) => {
    const problems = problemsFor({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe("ERR_INVALID_VARIABLE");
    expect(problems[0]?.variable).toBe(name);
    expect(problems[0]?.message).toMatch(message);
  });

  it("never repeats a secret in its message", () => {
    const [problem] = problemsFor({ CLIENT_SECRET: "p8e-FAKE SECRET" });
    expect(problem?.message).not.toContain("p8e-FAKE");
  });

  it("reports every problem at once", () => {
    const problems = problemsFor({ IMS_ORG: "", API_KEY: "", PRIVATE_KEY: undefined });
    expect(problems.map((problem) => problem.variable)).toEqual(["IMS_ORG", "API_KEY", "PRIVATE_KEY"]);
  });
});
