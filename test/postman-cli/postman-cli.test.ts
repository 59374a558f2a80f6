// The Postman CLI 1.34.0 (postman-runtime 7.52, crypto.subtle, a vault that scripts cannot read) as a runner we test:
// the whole collection for each kind of credential, a wrong secret, Postman Vault references, one token for a pipeline.
// Opt-in: `npm run test:postman-cli` installs the CLI into a cache folder and runs these; `npm test` skips them.

import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { packageRoot } from "../../src/generator/files/paths.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli, unwrapped } from "../helpers/postman-cli.js";
import { runTokenPipeline } from "../helpers/token-pipeline.js";

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };

describe.runIf(POSTMAN_CLI)("the Postman CLI 1.34.0", () => {
  // ent_aem_cloud_sdk: the emulator's AEM answers these tokens, so the whole collection is green.
  const shared = useEmulator({
    metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
    scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"],
  });
  const work = tempDir("postman-cli");
  let home = "";
  beforeAll(() => {
    home = cleanHome();
    writeFileSync(work.path("collection.json"), JSON.stringify(buildCollection()));
  });
  afterAll(() => {
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  /** `postman collection run` of the whole collection with the emulator's environment, changed by `overrides`. */
  async function run(overrides: Record<string, string>, extra: string[] = []) {
    const file = work.path(`environment-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(emulatorEnvironment(shared.ctx.emulator, shared.ctx.credential, overrides)));
    const args = ["collection", "run", "collection.json", "-e", file, "--ssl-extra-ca-certs", shared.ctx.caFile, ...extra];
    return runPostmanCli(args, work.dir, home);
  }

  it("runs offline without login: OAuth S2S, the whole collection green with one IMS call", async () => {
    const result = await run(S2S);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain("No authorization data found");
    expect(result.stdout).toMatch(new RegExp(`Sub-folder ${S2S_REQUEST_NAME}\\n\\n {2}POST https://\\S+/ims/token/v3 \\[200 OK`));
    expect(unwrapped(result.stdout)).toContain(`postman-ims-auth: skipped "${JWT_REQUEST_NAME}"`);
    expect(result.stdout.match(/Pass {2}(Platform|AEM) answered 200/g)).toHaveLength(3);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
  });

  it("JWT: the whole collection green with one JWT exchange", async () => {
    const result = await run(JWT);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/POST https:\/\/\S+\/ims\/exchange\/jwt \[200 OK/);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 1, api: 3 });
  });

  it("a wrong client secret exits 1 with IMS's reason and our hint, the secret not printed", async () => {
    const wrong = "p8e-WRONG-not-the-secret-0123456789";
    const result = await run(S2S, ["--env-var", `CLIENT_SECRET=${wrong}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /ERR_IMS_REJECTED: IMS refused the token request \(HTTP 400 invalid_client: "invalid client_secret parameter"\)\. Check CLIENT_SECRET/,
    );
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });

  it("CLIENT_SECRET = {{vault:…}}: its vault refuses scripts, and the message says to pass --env-var", async () => {
    const result = await run({ ...S2S, CLIENT_SECRET: "{{vault:adobe-client-secret}}" });
    expect(result.code).toBe(1);
    const text = unwrapped(result.stdout).replace(/\s+/g, " ");
    expect(text).toContain(
      "ERR_VAULT_DENIED: CLIENT_SECRET is {{vault:adobe-client-secret}}, but Postman did not let this collection's scripts read the vault",
    );
    expect(text).toContain(
      "The Postman CLI, monitors and scheduled runs give scripts no vault: there, pass the value itself with --env-var CLIENT_SECRET=… from a CI secret.",
    );
    expect(shared.ctx.emulator.calls.tokenV3).toBe(0);
    // As the message says: the same environment, the secret given with --env-var.
    const fixed = await run({ ...S2S, CLIENT_SECRET: "{{vault:adobe-client-secret}}" }, [
      "--env-var",
      `CLIENT_SECRET=${shared.ctx.credential.integration.clientSecret}`,
    ]);
    expect(fixed.code, fixed.stdout).toBe(0);
  });

  it("one token for a pipeline: token --format env-var, then a Postman CLI run and a Newman run, one IMS call", async () => {
    const newman = join(packageRoot(), "node_modules", "newman", "bin", "newman.js");
    const pipeline = await runTokenPipeline(shared.ctx, buildCollection(), [
      `HOME="${home}" "${POSTMAN_CLI}" collection run collection.json -e ci.postman_environment.json --ssl-extra-ca-certs "$CA" $IMS_TOKEN_ARGS`,
      `node "${newman}" run collection.json -e ci.postman_environment.json --ssl-extra-ca-certs "$CA" $IMS_TOKEN_ARGS`,
    ]);
    try {
      expect(pipeline.token.code, pipeline.token.output).toBe(0);
      for (const step of pipeline.steps) expect(step.code, step.output).toBe(0);
      expect(pipeline.steps[0]?.output.match(/Pass {2}(Platform|AEM) answered 200/g)).toHaveLength(3);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 6 });
    } finally {
      rmSync(pipeline.dir, { recursive: true, force: true });
    }
  });
});
