// Secrets Postman keeps outside variables, in postman-runtime 7.56 (the Postman app's runtime): {{vault:NAME}} values read
// with pm.vault.get (both flows, a PEM key included), each refusal its own named message, secure variables hidden from
// scripts told apart from unset ones, vault values never shown. Newman, which has no vault, names the vault and --env-var.

import { describe, expect, it } from "vitest";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { runCollection } from "../../src/runner/newman-run.js";
import type { RunOptions, RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { apiCollection } from "../helpers/collections.js";
import { useEmulator } from "../helpers/emulator.js";

// ent_aem_cloud_sdk: the emulator's AEM answers these tokens, so the whole collection is green.
const shared = useEmulator({
  metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
  scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"],
});
const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };
const SECRET_KEY = "adobe-client-secret";
const reference = (key: string) => `{{vault:${key}}}`;

/** What a run shows a user: failure messages, test names and console lines, as one text. */
function shown(result: RunResult): string {
  return JSON.stringify([result.failures, result.assertions, result.console]);
}

/** The vault option; `reads` collects the key of every pm.vault.get. */
function vault(secrets: Record<string, string>, scriptAccess: boolean, reads: string[] = []): Partial<RunOptions> {
  return { vault: { secrets, scriptAccess, onRead: (key) => reads.push(key) } };
}

const clientSecret = () => shared.ctx.credential.integration.clientSecret;

/** The one failure of the S2S request, with this message. */
const s2sRefusal = (message: string) => [{ test: "CLIENT_SECRET is set correctly", name: "ImsAuthError", item: S2S_REQUEST_NAME, message }];

describe("postman-runtime 7.56 with Postman Vault (scripts allowed)", () => {
  it("OAuth S2S, CLIENT_SECRET = {{vault:adobe-client-secret}}: the whole collection is green, one IMS call, one vault read", async () => {
    const reads: string[] = [];
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: reference(SECRET_KEY) },
      vault({ [SECRET_KEY]: clientSecret() }, true, reads),
      runWithPostmanRuntime,
    );
    expect(result.failures).toEqual([]);
    expect(result.assertions).toContainEqual({ item: S2S_REQUEST_NAME, test: "IMS issued an access token", passed: true });
    expect(result.assertions.filter((assertion) => /answered 200/.test(assertion.test))).toHaveLength(3);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
    // The S2S request reads it; every later request finds the token fresh and reads nothing.
    expect(reads).toEqual([SECRET_KEY]);
    expect(shown(result)).not.toContain(clientSecret());
  });

  it("JWT, the PEM key and the client secret in the vault: the whole collection is green with one JWT exchange", async () => {
    const pem = shared.ctx.credential.privateKeyPem;
    const reads: string[] = [];
    const result = await shared.ctx.run(
      { ...JWT, PRIVATE_KEY: reference("adobe-private-key"), CLIENT_SECRET: reference(SECRET_KEY) },
      vault({ "adobe-private-key": pem, [SECRET_KEY]: clientSecret() }, true, reads),
      runWithPostmanRuntime,
    );
    expect(result.failures).toEqual([]);
    expect(result.assertions).toContainEqual({ item: JWT_REQUEST_NAME, test: "IMS issued an access token", passed: true });
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 1, api: 3 });
    expect(reads.sort()).toEqual(["adobe-client-secret", "adobe-private-key"]);
    expect(shown(result)).not.toContain(pem.split("\n")[1]);
  });

  it("automatic authentication reads the vault on its slow path only: once for three API requests", async () => {
    const reads: string[] = [];
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: reference(SECRET_KEY) },
      { collection: apiCollection(3), folder: "Platform", ...vault({ [SECRET_KEY]: clientSecret() }, true, reads) },
      runWithPostmanRuntime,
    );
    expect(result.failures).toEqual([]);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
    expect(reads).toEqual([SECRET_KEY]);
  });

  it("no such key in the vault: ERR_VAULT_MISSING names the key, nothing is sent to IMS", async () => {
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: reference("adobe-secret-typo") },
      { folder: S2S_REQUEST_NAME, ...vault({ [SECRET_KEY]: clientSecret() }, true) },
      runWithPostmanRuntime,
    );
    expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    expect(result.failures).toEqual(
      s2sRefusal(
        'ERR_VAULT_MISSING: CLIENT_SECRET is {{vault:adobe-secret-typo}}, but your Postman Vault has no secret named "adobe-secret-typo" (or it is empty). ' +
          "Add it in Postman Vault with the key adobe-secret-typo, or correct the name after vault: in CLIENT_SECRET.",
      ),
    );
  });
});

describe("postman-runtime 7.56, scripts not allowed to read the vault", () => {
  it.each([
    ["the OAuth S2S request", S2S_REQUEST_NAME, S2S, { tokenV2: 0, tokenV3: 0, jwtExchange: 0, api: 0 }],
    ["the JWT request", JWT_REQUEST_NAME, JWT, { tokenV2: 0, tokenV3: 0, jwtExchange: 0, api: 0 }],
  ])("%s: ERR_VAULT_DENIED says where to allow it, and what to do where there is no vault", async (_name, folder, flow, calls) => {
    const result = await shared.ctx.run(
      { ...flow, CLIENT_SECRET: reference(SECRET_KEY) },
      { folder, ...vault({ [SECRET_KEY]: clientSecret() }, false) },
      runWithPostmanRuntime,
    );
    expect(shared.ctx.emulator.calls).toEqual(calls);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "CLIENT_SECRET is set correctly", item: folder });
    expect(result.failures[0]?.message).toMatch(
      /^ERR_VAULT_DENIED: CLIENT_SECRET is \{\{vault:adobe-client-secret\}\}, but Postman did not let/,
    );
    expect(result.failures[0]?.message).toContain('open Postman Vault → Settings, turn on "Enable support in scripts"');
    expect(result.failures[0]?.message).toContain("--env-var CLIENT_SECRET=…");
    expect(shown(result)).not.toContain(clientSecret());
  });

  it("automatic authentication too: the API request is not sent", async () => {
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: reference(SECRET_KEY) },
      { collection: apiCollection(1), folder: "Platform", ...vault({ [SECRET_KEY]: clientSecret() }, false) },
      runWithPostmanRuntime,
    );
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 0, api: 0 });
    expect(result.failures.map((failure) => failure.message.split(":")[0])).toEqual(["ERR_VAULT_DENIED"]);
  });
});

describe("postman-runtime 7.56, secure variables (secretResolver)", () => {
  const secure = (allowedInScript: boolean): Partial<RunOptions> => ({
    folder: S2S_REQUEST_NAME,
    secureVariables: { values: { CLIENT_SECRET: clientSecret() }, allowedInScript },
  });

  it("allowedInScript true: the script reads the value and gets a token", async () => {
    const result = await shared.ctx.run({ ...S2S, CLIENT_SECRET: "" }, secure(true), runWithPostmanRuntime);
    expect(result.failures).toEqual([]);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("allowedInScript false: ERR_SECRET_HIDDEN, not 'is not set', and nothing sent", async () => {
    const result = await shared.ctx.run({ ...S2S, CLIENT_SECRET: "" }, secure(false), runWithPostmanRuntime);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "CLIENT_SECRET is set correctly", item: S2S_REQUEST_NAME });
    expect(result.failures[0]?.message).toMatch(
      /^ERR_SECRET_HIDDEN: CLIENT_SECRET is a secure variable \(from aws\) that Postman hides from scripts, so the authentication script cannot read it \(it is set, not empty\)\./,
    );
    expect(shown(result)).not.toContain(clientSecret());
  });

  it("an unset CLIENT_SECRET next to a hidden secure variable is still ERR_MISSING_VARIABLE", async () => {
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: "" },
      {
        folder: S2S_REQUEST_NAME,
        secureVariables: { values: { API_KEY: shared.ctx.credential.integration.clientId }, allowedInScript: false },
      },
      runWithPostmanRuntime,
    );
    expect(result.failures.map((failure) => failure.message.replace(/\..*/s, ""))).toEqual([
      "ERR_SECRET_HIDDEN: API_KEY is a secure variable (from aws) that Postman hides from scripts, so the authentication script cannot read it (it is set, not empty)",
      "ERR_MISSING_VARIABLE: CLIENT_SECRET is not set",
    ]);
  });
});

describe("Newman 6.2: no vault", () => {
  it("CLIENT_SECRET = {{vault:…}}: ERR_VAULT_UNAVAILABLE names the vault and --env-var, no IMS call", async () => {
    const result = await shared.ctx.run({ ...S2S, CLIENT_SECRET: reference(SECRET_KEY) }, { folder: S2S_REQUEST_NAME }, runCollection);
    expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    expect(result.failures).toEqual(
      s2sRefusal(
        "ERR_VAULT_UNAVAILABLE: CLIENT_SECRET is {{vault:adobe-client-secret}}, a secret in Postman Vault, but this runner has no vault " +
          "(only the Postman app has one; Newman, the Postman CLI and postman-ims-auth's commands do not): pass the value itself with " +
          "--env-var CLIENT_SECRET=… from a CI secret, or put it in the environment you run.",
      ),
    );
  });

  it("JWT, the key in the vault, from automatic authentication: the same named refusal, the API request not sent", async () => {
    const result = await shared.ctx.run(
      { ...JWT, PRIVATE_KEY: reference("adobe-private-key") },
      { collection: apiCollection(1), folder: "Platform" },
      runCollection,
    );
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 0, api: 0 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "PRIVATE_KEY is set correctly" });
    expect(result.failures[0]?.message).toMatch(
      /^ERR_VAULT_UNAVAILABLE: PRIVATE_KEY is \{\{vault:adobe-private-key\}\}, a secret in Postman Vault/,
    );
  });

  it("the same environment with --env-var CLIENT_SECRET=… from a CI secret: the whole collection is green", async () => {
    const result = await shared.ctx.run(
      { ...S2S, CLIENT_SECRET: reference(SECRET_KEY) },
      { envVar: [{ key: "CLIENT_SECRET", value: clientSecret() }] },
      runCollection,
    );
    expect(result.failures).toEqual([]);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
  });
});
