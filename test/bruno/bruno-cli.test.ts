// Bruno's CLI 4.1.0 (`bru run`) as a runner we test, in both of its script runtimes: the collection that
// `generate --target bruno` writes, run whole, against the emulator, for each kind of credential; one IMS call
// for many requests; a wrong secret and a missing variable stop the run with our message; no secret printed.
// Opt-in: `npm run test:bruno` installs the CLI into a cache folder and runs these; `npm test` skips them.

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRUNO_CLI, brunoHome, type BruResult, requestsSummary, runBru, SANDBOXES } from "../helpers/bruno-cli.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";

describe.runIf(BRUNO_CLI)("Bruno's CLI 4.1.0", () => {
  // ent_aem_cloud_sdk: the emulator's AEM answers the AEM environment's tokens.
  const shared = useEmulator({
    metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
    scopes: ["openid", "AdobeID", "read_organizations"],
  });
  const work = tempDir("bruno-cli");
  let home = "";
  let generated = "";
  let runs = 0;
  const outputs: string[] = [];

  beforeAll(async () => {
    home = brunoHome();
    // As a user makes it: the command line, on a fresh folder.
    const made = await runCli(["generate", "--target", "bruno", "--out", work.path("generated")]);
    expect(made.code, made.stderr).toBe(0);
    generated = work.path("generated", "adobe-ims");
    writeFileSync(work.path("ca.pem"), shared.ctx.emulator.caCertificatePem);
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    work.remove();
  });

  /** A fresh copy of the generated collection (bru writes environment changes back into its files). */
  function collection(extraPlatformRequests = 0): string {
    const dir = work.path(`run-${++runs}`);
    cpSync(generated, dir, { recursive: true });
    const platform = join(dir, "Platform", "Platform- List sandboxes.yml");
    for (let copy = 1; copy <= extraPlatformRequests; copy++) {
      const request = JSON.parse(readFileSync(platform, "utf8")) as { info: { name: string; seq: number } };
      request.info = { ...request.info, name: `Platform: List sandboxes ${copy}`, seq: copy + 1 };
      writeFileSync(join(dir, "Platform", `Platform- List sandboxes ${copy}.yml`), JSON.stringify(request, null, 2));
    }
    return dir;
  }

  /** What a CI job gives bru: non-secret values with --env-var, secrets as references to its own environment variables. */
  function credentialArgs(kind: "s2s" | "workshop" | "aem", overrides: Record<string, string> = {}) {
    const { emulator, credential } = shared.ctx;
    const { integration } = credential;
    const plain: Record<string, string> = {
      IMS: emulator.host,
      API_KEY: integration.clientId,
      IMS_ORG: integration.orgId,
      ...(kind === "s2s" ? { SCOPES: integration.scopes!.join(",") } : {}),
      ...(kind === "aem"
        ? { TECHNICAL_ACCOUNT_ID: integration.technicalAccountId, META_SCOPE: "ent_aem_cloud_sdk", AEM_HOST: emulator.host }
        : {}),
      ...(kind === "workshop" ? { TECHNICAL_ACCOUNT_ID: integration.technicalAccountId, META_SCOPE: "ent_dataservices_sdk" } : {}),
      ...(kind === "aem" ? {} : { SANDBOX_NAME: "prod", PLATFORM_HOST: emulator.host }),
      CLIENT_SECRET: "{{process.env.ADOBE_CLIENT_SECRET}}",
      ...(kind === "s2s" ? {} : { PRIVATE_KEY: "{{process.env.ADOBE_PRIVATE_KEY}}" }),
      ...overrides,
    };
    const secrets: Record<string, string> = {
      ADOBE_CLIENT_SECRET: integration.clientSecret,
      // The workshop's key as base64 of the PEM, the AEM one as the PEM itself (multi-line), both from the job's environment.
      ...(kind === "workshop" ? { ADOBE_PRIVATE_KEY: Buffer.from(credential.privateKeyPem).toString("base64") } : {}),
      ...(kind === "aem" ? { ADOBE_PRIVATE_KEY: credential.privateKeyPem } : {}),
    };
    const environment = { s2s: "oauth-s2s", workshop: "workshop", aem: "aem" }[kind];
    const args = ["--env", environment, ...Object.entries(plain).flatMap(([key, value]) => ["--env-var", `${key}=${value}`])];
    return { args, secrets };
  }

  async function bru(dir: string, args: readonly string[], env: Record<string, string>): Promise<BruResult> {
    const environments = join(dir, "environments");
    const before = readdirSync(environments).map((file) => readFileSync(join(environments, file), "utf8"));
    const result = await runBru(dir, [...args, "--cacert", work.path("ca.pem")], home, env);
    outputs.push(result.stdout + result.stderr);
    // The token is a runtime variable: no run writes anything into the environment files.
    expect(readdirSync(environments).map((file) => readFileSync(join(environments, file), "utf8"))).toEqual(before);
    return result;
  }

  describe.each(SANDBOXES)("--sandbox %s", (sandbox) => {
    it("OAuth Server-to-Server: the whole collection is green, with one IMS call", async () => {
      const { args, secrets } = credentialArgs("s2s");
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], secrets);
      expect(result.code, result.stdout).toBe(0);
      // Authenticate's S2S request and Platform pass; the JWT request and AEM (no AEM_HOST) are skipped with a note.
      expect(requestsSummary(result)).toBe("5 (2 Passed, 3 Skipped)");
      expect(result.stdout).toContain("✓ IMS issued an access token");
      expect(result.stdout).toContain("✓ Platform answered 200");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 1 });
    });

    it("JWT (workshop), the key given as base64: the whole collection is green, with one IMS call", async () => {
      const { args, secrets } = credentialArgs("workshop");
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], secrets);
      expect(result.code, result.stdout).toBe(0);
      expect(requestsSummary(result)).toBe("5 (2 Passed, 3 Skipped)");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 1, tokenV2: 0, tokenV3: 0, api: 1 });
      expect(shared.ctx.emulator.assertions).toHaveLength(1);
    });

    it("JWT (aem), the PEM key from the job's environment: the AEM requests are green, with one IMS call", async () => {
      const { args, secrets } = credentialArgs("aem");
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], secrets);
      expect(result.code, result.stdout).toBe(0);
      expect(requestsSummary(result)).toBe("5 (3 Passed, 2 Skipped)");
      expect(result.stdout).toContain("✓ AEM answered 200");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 1, tokenV2: 0, tokenV3: 0, api: 2 });
    });

    it("a folder of many API requests, run on its own: the automatic authentication makes one IMS call for all", async () => {
      const { args, secrets } = credentialArgs("s2s");
      const result = await bru(collection(11), ["Platform", "--sandbox", sandbox, ...args], secrets);
      expect(result.code, result.stdout).toBe(0);
      expect(requestsSummary(result)).toBe("12 (12 Passed)");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 12 });
    });

    it("a token revoked mid-run: its 401 marks it stale, and the next request gets a new one", async () => {
      const { args, secrets } = credentialArgs("s2s");
      shared.ctx.emulator.revokeTokensAfterApiCalls(3);
      const result = await bru(collection(5), ["Platform", "--sandbox", sandbox, ...args], secrets);
      // The request that met the revoked token fails; the ones after it pass with the renewed token.
      expect(requestsSummary(result)).toBe("6 (5 Passed, 1 Failed)");
      expect(result.stdout).toContain("the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 2, api: 6 });
      expect(result.code).not.toBe(0);
    });

    it("requests a user adds, with no scripts of their own: IMS's profile API first gets a token, a later 401 renews once", async () => {
      const { args, secrets } = credentialArgs("s2s");
      const dir = collection();
      const mine = join(dir, "Mine");
      mkdirSync(mine);
      writeFileSync(join(mine, "folder.yml"), JSON.stringify({ info: { name: "Mine", type: "folder", seq: 9 } }));
      const request = (name: string, seq: number, url: string, headers: Array<{ name: string; value: string }> = []) =>
        JSON.stringify({ info: { name, type: "http", seq }, http: { method: "GET", url, headers, auth: "inherit" } });
      const platform = [
        { name: "x-api-key", value: "{{API_KEY}}" },
        { name: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
      ];
      writeFileSync(join(mine, "Profile.yml"), request("Profile", 1, "https://{{IMS}}/ims/profile/v1"));
      for (const seq of [2, 3])
        writeFileSync(
          join(mine, `Sandboxes ${seq}.yml`),
          request(`Sandboxes ${seq}`, seq, "https://{{PLATFORM_HOST}}/data/foundation/sandbox-management/sandboxes", platform),
        );
      shared.ctx.emulator.revokeTokensAfterApiCalls(1);
      const result = await bru(dir, ["Mine", "--sandbox", sandbox, ...args], secrets);
      // Profile: 200 with the first token (then revoked); Sandboxes 2: 401, marked stale; Sandboxes 3: a new token, 200.
      expect(result.stdout).toContain("the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 2, api: 3 });
    });

    it("a wrong client secret: non-zero exit, IMS's reason and our hint, IMS asked once, the secret not printed", async () => {
      const wrong = "p8e-WRONG-not-the-secret-0123456789";
      const { args, secrets } = credentialArgs("s2s");
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], { ...secrets, ADOBE_CLIENT_SECRET: wrong });
      expect(result.code).not.toBe(0);
      expect(result.stdout).toMatch(
        /ERR_IMS_REJECTED: IMS refused the token request \(HTTP 400 invalid_client: "invalid client_secret parameter"\)\. Check CLIENT_SECRET/,
      );
      // The requests after the refusal report it again instead of asking IMS with the same values.
      // Bruno's app keeps runtime variables between Sends: there a refusal is repeated for a minute, not for the run.
      expect(result.stdout).toMatch(/\(Not asked again: IMS refused the same values \d+ s ago; it is asked again after a minute\.\)/);
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 0 });
      expect(result.stdout + result.stderr).not.toContain(wrong);
    });

    it("a missing variable: non-zero exit before any request is sent, the variable named", async () => {
      const { args, secrets } = credentialArgs("s2s", { SCOPES: "" });
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], secrets);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain("ERR_MISSING_VARIABLE: SCOPES is not set.");
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 0, api: 0 });
    });

    it("a secret's environment variable not set: non-zero exit, the message says which to set", async () => {
      const { args } = credentialArgs("s2s");
      const result = await bru(collection(), ["--sandbox", sandbox, ...args], {});
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain(
        "ERR_MISSING_VARIABLE: CLIENT_SECRET is {{process.env.ADOBE_CLIENT_SECRET}}, but the environment variable ADOBE_CLIENT_SECRET is not set",
      );
      expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    });
  });

  it("no run printed a secret: the client secret, the private key (PEM or base64) or an access token", () => {
    const { credential, emulator } = shared.ctx;
    const body = credential.privateKeyPem.split("\n").filter((line) => line.length > 40);
    const canaries = [
      credential.integration.clientSecret,
      Buffer.from(credential.privateKeyPem).toString("base64").slice(0, 64),
      ...body,
      ...emulator.issuedTokens,
    ];
    expect(outputs.length).toBe(SANDBOXES.length * 9);
    for (const output of outputs) for (const canary of canaries) expect(output.includes(canary)).toBe(false);
  });
});
