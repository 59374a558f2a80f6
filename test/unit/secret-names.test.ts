// isSecretName: which variables' values error messages must never quote.

import { describe, expect, it } from "vitest";
import { isSecretName } from "../../src/core/config/secret-names.js";

describe("isSecretName", () => {
  it.each([
    ["CLIENT_SECRET", true],
    ["PRIVATE_KEY", true],
    ["ACCESS_TOKEN", true],
    ["KEY_PASSPHRASE", true],
    ["refresh_token", true],
    ["SIGNING_KEY", true],
    ["API_KEY", false],
    ["api_key", false],
    ["IMS_ORG", false],
    ["META_SCOPE", false],
    ["SCOPES", false],
  ])("%s → %s", (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});
