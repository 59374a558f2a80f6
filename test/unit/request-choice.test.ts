// Which Authenticate request runs for an environment, and when a sample folder is on and what it checks.

import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { checkSampleVariables } from "../../src/core/config/sample-checks.js";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { sampleOffNote, tokenRequestSkipNote } from "../../src/sandbox/notes/skip-notes.js";
import { VALID_JWT_VARIABLES } from "../helpers/variables.js";

const S2S = { API_KEY: "0123456789abcdef0123456789abcdef", CLIENT_SECRET: "p8e-FAKE-SECRET-value", SCOPES: "openid,AdobeID" };
const source = (variables: Record<string, string>) => (name: string) => variables[name];
const NAMES = { jwt: JWT_REQUEST_NAME, s2s: S2S_REQUEST_NAME } as const;
const skipTokenRequestNote = (from: (name: string) => unknown, flow: "jwt" | "s2s") => tokenRequestSkipNote(from, flow, NAMES[flow]);

describe("tokenRequestSkipNote", () => {
  it.each([
    ["an S2S credential", S2S, "jwt", "holds an OAuth Server-to-Server credential"],
    ["a JWT credential", VALID_JWT_VARIABLES, "s2s", "holds a service account (JWT) credential"],
    [
      "both credentials: PRIVATE_KEY decides, as in the collection-level script",
      { ...VALID_JWT_VARIABLES, SCOPES: "openid" },
      "s2s",
      "holds a service account (JWT) credential",
    ],
    ["a pasted token only", { ACCESS_TOKEN: "x.y.z" }, "s2s", "holds only a pasted ACCESS_TOKEN"],
    ["a pasted token only", { ACCESS_TOKEN: "x.y.z" }, "jwt", "holds only a pasted ACCESS_TOKEN"],
  ] as const)("%s: the %s request is skipped, saying why and what to set", (_what, variables, flow, why) => {
    const note = skipTokenRequestNote(source(variables), flow);
    expect(note).toContain(`skipped "${NAMES[flow]}": this environment ${why}`);
    expect(note).toMatch(new RegExp(`set AUTH_FLOW to ${flow === "jwt" ? "jwt" : "oauth-s2s"}\\.$`));
  });

  it.each([
    ["its own credential", S2S, "s2s"],
    ["its own credential", VALID_JWT_VARIABLES, "jwt"],
    ["no credential at all (its checks name what is missing)", {}, "s2s"],
    ["no credential at all (its checks name what is missing)", {}, "jwt"],
    ["an unclear mix (PRIVATE_KEY and SCOPES, no META_SCOPE)", { ...VALID_JWT_VARIABLES, META_SCOPE: "", SCOPES: "openid" }, "jwt"],
    ["AUTH_FLOW naming it", { ...VALID_JWT_VARIABLES, SCOPES: "openid", AUTH_FLOW: "oauth-s2s" }, "s2s"],
  ] as const)("%s: the %s request runs", (_what, variables, flow) => {
    expect(skipTokenRequestNote(source(variables), flow)).toBeUndefined();
  });

  it("a JWT credential whose key is not pasted yet still asks for the JWT request, which names the missing key", () => {
    const variables = { ...VALID_JWT_VARIABLES, PRIVATE_KEY: "" };
    expect(skipTokenRequestNote(source(variables), "jwt")).toBeUndefined();
    expect(skipTokenRequestNote(source(variables), "s2s")).toContain("(META_SCOPE is set)");
  });

  it("AUTH_FLOW decides over the credential, and the note says so", () => {
    expect(skipTokenRequestNote(source({ ...VALID_JWT_VARIABLES, SCOPES: "openid", AUTH_FLOW: "oauth-s2s" }), "jwt")).toBe(
      `postman-ims-auth: skipped "${JWT_REQUEST_NAME}": AUTH_FLOW is oauth-s2s. To use this request, set AUTH_FLOW to jwt.`,
    );
  });

  it("an AUTH_FLOW that names no flow is an error, not a skip", () => {
    const attempt = () => skipTokenRequestNote(source({ ...S2S, AUTH_FLOW: "oauth" }), "s2s");
    expect(attempt).toThrow(ImsAuthError);
    expect(attempt).toThrow(/^AUTH_FLOW is "oauth" but must be jwt, oauth-s2s, user or token/);
  });
});

describe("sample folders", () => {
  const PLATFORM = { folder: "Platform", on: "SANDBOX_NAME", needs: ["PLATFORM_HOST", "API_KEY", "IMS_ORG", "SANDBOX_NAME"] };

  it("off without its switch, with the variable to set", () => {
    expect(sampleOffNote(source({}), PLATFORM, "Platform: List sandboxes")).toBe(
      'postman-ims-auth: skipped "Platform: List sandboxes": the Platform samples are off; set SANDBOX_NAME to turn them on.',
    );
    expect(sampleOffNote(source({ SANDBOX_NAME: "{{SANDBOX_NAME}}" }), PLATFORM, "x")).toContain("are off");
    expect(sampleOffNote(source({ SANDBOX_NAME: "prod" }), PLATFORM, "x")).toBeUndefined();
  });

  it("on: every variable it sends is checked, each problem named with its code", () => {
    const problems = checkSampleVariables(
      source({ SANDBOX_NAME: "Prod Sandbox", PLATFORM_HOST: "https://platform.adobe.io/", API_KEY: "p8e-secret", IMS_ORG: "" }),
      PLATFORM,
    );
    expect(problems.map((problem) => [problem.variable, problem.code])).toEqual([
      ["PLATFORM_HOST", "ERR_INVALID_VARIABLE"],
      ["API_KEY", "ERR_INVALID_VARIABLE"],
      ["IMS_ORG", "ERR_MISSING_VARIABLE"],
      ["SANDBOX_NAME", "ERR_INVALID_VARIABLE"],
    ]);
    expect(problems[0]?.message).toContain('set PLATFORM_HOST to "platform.adobe.io"');
    expect(problems[1]?.message).not.toContain("p8e-secret");
    expect(
      checkSampleVariables(
        source({ SANDBOX_NAME: "prod", PLATFORM_HOST: "platform.adobe.io", API_KEY: "abc", IMS_ORG: "0123456789ABCDEF01234567@AdobeOrg" }),
        PLATFORM,
      ),
    ).toEqual([]);
  });
});
