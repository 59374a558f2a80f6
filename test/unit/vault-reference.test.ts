// {{vault:NAME}} values in the core: recognised exactly, counted as set when the flow is chosen, and refused by name
// where no vault read them (Newman, the Node commands); sample requests leave them to a runner that has a vault.

import { describe, expect, it } from "vitest";
import { rawValue, requireValue } from "../../src/core/config/checks.js";
import { chooseFlow } from "../../src/core/config/flow.js";
import { checkSampleVariables } from "../../src/core/config/sample-checks.js";
import { vaultKey } from "../../src/core/config/vault-reference.js";
import { isImsAuthError } from "../../src/core/errors.js";

const source = (values: Record<string, string>) => (name: string) => values[name];

function thrown(run: () => unknown): { code: string; message: string; variable: string | undefined } {
  try {
    run();
  } catch (error) {
    if (isImsAuthError(error)) return { code: error.code, message: error.message, variable: error.variable };
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("vaultKey", () => {
  it.each([
    ["{{vault:adobe-client-secret}}", "adobe-client-secret"],
    ["  {{vault:my key}}\n", "my key"],
    ["{{vault:a.b_c-1}}", "a.b_c-1"],
  ])("%j refers to %j", (value, key) => expect(vaultKey(value)).toBe(key));

  it.each([
    "{{CLIENT_SECRET}}",
    "p8e-{{vault:x}}",
    "{{vault:x}}-more",
    "{{vault:}}",
    "{{vault: }}",
    "vault:x",
    "{{Vault:x}}",
    undefined,
    42,
  ])("%j is no vault reference", (value) => expect(vaultKey(value)).toBeUndefined());
});

describe("a vault reference no vault has read", () => {
  it("requireValue: ERR_VAULT_UNAVAILABLE, naming the variable, the vault key and --env-var", () => {
    expect(thrown(() => requireValue(source({ CLIENT_SECRET: "{{vault:adobe-client-secret}}" }), "CLIENT_SECRET"))).toEqual({
      code: "ERR_VAULT_UNAVAILABLE",
      variable: "CLIENT_SECRET",
      message:
        "CLIENT_SECRET is {{vault:adobe-client-secret}}, a secret in Postman Vault, but this runner has no vault (only the Postman app has one; " +
        "Newman, the Postman CLI and postman-ims-auth's commands do not): pass the value itself with --env-var CLIENT_SECRET=… from a CI secret, " +
        "or put it in the environment you run.",
    });
  });

  it("rawValue (the passphrase, taken as given) too: never tried as the passphrase itself", () => {
    expect(thrown(() => rawValue(source({ PRIVATE_KEY_PASSPHRASE: "{{vault:pass}}" }), "PRIVATE_KEY_PASSPHRASE")).code).toBe(
      "ERR_VAULT_UNAVAILABLE",
    );
  });

  it("another unresolved reference is still ERR_MISSING_VARIABLE", () => {
    expect(thrown(() => requireValue(source({ CLIENT_SECRET: "{{SECRET}}" }), "CLIENT_SECRET")).code).toBe("ERR_MISSING_VARIABLE");
  });
});

describe("flow choice counts a vault reference as set", () => {
  it.each([
    [{ PRIVATE_KEY: "{{vault:key}}", META_SCOPE: "ent_dataservices_sdk", CLIENT_SECRET: "x" }, "jwt"],
    [{ CLIENT_SECRET: "{{vault:secret}}", META_SCOPE: "ent_dataservices_sdk" }, "jwt"],
    [{ CLIENT_SECRET: "{{vault:secret}}" }, "s2s"],
    [{ ACCESS_TOKEN: "{{vault:token}}" }, "token"],
  ])("%j → %s", (values, flow) => expect(chooseFlow(source(values))).toBe(flow));
});

describe("sample requests", () => {
  const sample = { folder: "Platform", on: "SANDBOX_NAME", needs: ["API_KEY", "IMS_ORG", "SANDBOX_NAME"] };
  const values = source({ API_KEY: "{{vault:client-id}}", IMS_ORG: "{{vault:org}}", SANDBOX_NAME: "prod" });

  it("where the runner has a vault, leave {{vault:…}} to Postman's substitution: nothing read, nothing refused", () => {
    expect(checkSampleVariables(values, sample, true)).toEqual([]);
  });

  it("elsewhere, each is refused by name", () => {
    expect(checkSampleVariables(values, sample, false).map((problem) => [problem.code, problem.variable])).toEqual([
      ["ERR_VAULT_UNAVAILABLE", "API_KEY"],
      ["ERR_VAULT_UNAVAILABLE", "IMS_ORG"],
    ]);
  });
});
