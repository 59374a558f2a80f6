// The workshop environment template, as a plain expected object.

import { describe, expect, it } from "vitest";
import { buildEnvironment, templateByFile } from "../../src/generator/environment/environments.js";

describe("workshop environment template", () => {
  const env = buildEnvironment(templateByFile("workshop.postman_environment.json"));

  it("lists the variables students fill in, secrets typed secret and empty", () => {
    expect(env.name).toBe("Adobe IMS workshop");
    expect(env._postman_variable_scope).toBe("environment");
    expect(env.values.map(({ key, value, type, enabled }) => ({ key, value, type, enabled }))).toEqual([
      { key: "CLIENT_SECRET", value: "", type: "secret", enabled: true },
      { key: "API_KEY", value: "", type: "default", enabled: true },
      { key: "META_SCOPE", value: "", type: "default", enabled: true },
      { key: "SCOPES", value: "", type: "default", enabled: true },
      { key: "PRIVATE_KEY", value: "", type: "secret", enabled: true },
      { key: "TECHNICAL_ACCOUNT_ID", value: "", type: "default", enabled: true },
      { key: "IMS_ORG", value: "", type: "default", enabled: true },
      { key: "IMS", value: "ims-na1.adobelogin.com", type: "default", enabled: true },
      { key: "SANDBOX_NAME", value: "", type: "default", enabled: true },
      { key: "ACCESS_TOKEN", value: "", type: "secret", enabled: true },
      { key: "ACCESS_TOKEN_EXPIRES_AT", value: "", type: "default", enabled: true },
      { key: "ACCESS_TOKEN_BINDING", value: "", type: "default", enabled: true },
    ]);
  });

  it("the OAuth Server-to-Server template holds only what that flow needs", () => {
    const s2s = buildEnvironment(templateByFile("oauth-s2s.postman_environment.json"));
    expect(s2s.values.map(({ key, type }) => `${key}:${type}`)).toEqual([
      "IMS:default",
      "API_KEY:default",
      "CLIENT_SECRET:secret",
      "SCOPES:default",
      "IMS_ORG:default",
      "SANDBOX_NAME:default",
      "ACCESS_TOKEN:secret",
      "ACCESS_TOKEN_EXPIRES_AT:default",
      "ACCESS_TOKEN_BINDING:default",
    ]);
  });

  it("describes where each value comes from, in one line", () => {
    for (const value of env.values) {
      expect(value.description.length).toBeGreaterThan(20);
      expect(value.description).not.toContain("\n");
    }
  });

  it("refuses a value for a variable the template does not have", () => {
    expect(() => buildEnvironment(templateByFile("workshop.postman_environment.json"), { NOPE: "x" })).toThrow(/NOPE is not a variable/);
  });
});
