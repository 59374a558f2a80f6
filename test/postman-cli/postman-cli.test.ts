// The Postman CLI 1.62.0 (postman-runtime 7.56.1 for v2.1 JSON; its own runtime for v3 folders) as a runner we test,
// in both formats a team keeps: the v2.1 JSON and the v3 folder generate writes, each run whole for each credential
// kind with one IMS call, a wrong secret named and not printed, a stale ACCESS_TOKEN; then, v2.1 only, Postman Vault
// references and one token for a pipeline. Opt-in: `npm run test:postman-cli` installs the CLI into a cache folder and
// runs these; `npm test` skips them.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTMAN_CLI_VERSION } from "../../scripts/postman-cli.mjs";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { aemEnvironment } from "../../src/generator/environment/aem-environment.js";
import type { EnvironmentFile } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { postmanV3Files, v3EnvironmentYaml } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { readAemCredentials } from "../../src/inputs/aem-credentials.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { makeAemCredentials, registerAemCredentials } from "../helpers/aem-credentials.js";
import { tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli, unwrapped } from "../helpers/postman-cli.js";
import { runTokenPipeline } from "../helpers/token-pipeline.js";

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };

/** How a team keeps the collection and its environment, and how `postman collection run` is pointed at them. */
interface Format {
  readonly name: string;
  readonly collection: string;
  environment(file: string, environment: EnvironmentFile): string;
}

const FORMATS: readonly Format[] = [
  {
    name: "v2.1 JSON",
    collection: "collection.json",
    environment: (file, environment) => {
      writeFileSync(`${file}.postman_environment.json`, JSON.stringify(environment));
      return `${file}.postman_environment.json`;
    },
  },
  {
    name: "v3 folder",
    collection: "postman/collections/adobe-ims",
    environment: (file, environment) => {
      writeFileSync(`${file}.environment.yaml`, v3EnvironmentYaml(environment));
      return `${file}.environment.yaml`;
    },
  },
];

describe.runIf(POSTMAN_CLI)(`the Postman CLI ${POSTMAN_CLI_VERSION}`, { timeout: 180_000 }, () => {
  // ent_aem_cloud_sdk: the emulator's AEM answers these tokens, so the whole collection is green.
  const shared = useEmulator({
    metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
    scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"],
  });
  const aem = makeAemCredentials();
  const work = tempDir("postman-cli");
  let home = "";
  beforeAll(() => {
    home = cleanHome();
    registerAemCredentials(shared.ctx.emulator, aem);
    writeFileSync(work.path("collection.json"), JSON.stringify(buildCollection()));
    for (const [path, text] of postmanV3Files()) {
      mkdirSync(dirname(work.path(path)), { recursive: true });
      writeFileSync(work.path(path), text);
    }
  });
  afterAll(() => {
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  /** The AEM service credentials as the Developer Console gives them, imported, pointing at the emulator. */
  const aemServiceEnvironment = () => {
    const text = JSON.stringify({ ...aem.wrapped, integration: { ...aem.wrapped.integration, imsEndpoint: shared.ctx.emulator.host } });
    return aemEnvironment(readAemCredentials(text, "aem-service-credentials.json"), { aemHost: shared.ctx.emulator.host });
  };

  describe.each(FORMATS)("$name", (format) => {
    /** `postman collection run` of the whole collection with an environment (the emulator's, changed by `overrides`). */
    async function run(overrides: Record<string, string>, extra: string[] = [], environment?: EnvironmentFile) {
      const file = format.environment(
        work.path(`environment-${Math.random().toString(36).slice(2)}`),
        environment ?? emulatorEnvironment(shared.ctx.emulator, shared.ctx.credential, overrides),
      );
      const args = ["collection", "run", format.collection, "-e", file, "--ssl-extra-ca-certs", shared.ctx.caFile, ...extra];
      return runPostmanCli(args, work.dir, home);
    }

    it("runs offline without login: OAuth Server-to-Server, the whole collection green with one IMS call", async () => {
      const result = await run(S2S);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toMatch(/POST https:\/\/\S+\/ims\/token\/v3 \[200 OK/);
      expect(unwrapped(result.stdout)).toContain('postman-ims-auth: skipped "IMS: JWT Generate + Auth via User Token"');
      expect(result.stdout.match(/Pass {2}(Platform|AEM) answered 200/g)).toHaveLength(3);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
    });

    it("a service account (JWT): the whole collection green with one JWT exchange", async () => {
      const result = await run(JWT);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toMatch(/POST https:\/\/\S+\/ims\/exchange\/jwt \[200 OK/);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 1, api: 3 });
    });

    it("an AEM environment from service credentials: the AEM requests green with one JWT exchange, Platform skipped", async () => {
      const result = await run({}, [], aemServiceEnvironment());
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout.match(/Pass {2}AEM answered 200/g)).toHaveLength(2);
      expect(unwrapped(result.stdout)).toContain('skipped "Platform: List sandboxes"');
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 0, jwtExchange: 1, api: 2 });
    });

    it("a wrong client secret exits 1 with IMS's reason and our hint, the secret not printed", async () => {
      const wrong = "p8e-WRONG-not-the-secret-0123456789";
      const result = await run(S2S, ["--env-var", `CLIENT_SECRET=${wrong}`]);
      expect(result.code).toBe(1);
      expect(unwrapped(result.stdout)).toMatch(
        /ERR_IMS_REJECTED: IMS refused the token request \(HTTP 400 invalid_client: "invalid client_secret parameter"\)\. Check CLIENT_SECRET/,
      );
      expect(result.stdout + result.stderr).not.toContain(wrong);
      expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
    });

    // A stale ACCESS_TOKEN: the API requests renew it through pm.sendRequest, the request we build carries no auth.
    const staleToken = { ...S2S, ACCESS_TOKEN: "stale-token-of-yesterday", ACCESS_TOKEN_EXPIRES_AT: "1" };
    const noAuthorization = async () => {
      const result = await run(staleToken, ["-i", "Platform"]);
      expect(result.code, result.stdout).toBe(0);
      expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
      expect(shared.ctx.emulator.tokenRequestAuthorizations).toEqual([]);
    };
    if (format.name === "v2.1 JSON")
      it("a stale ACCESS_TOKEN: renewed with one IMS call, the token request carrying no Authorization header", noAuthorization);
    else {
      // Measured: a v3 run adds the auth of the running request's folders and collection to every pm.sendRequest,
      // whatever the request says (its own auth, noauth, an Authorization header of its own are all replaced). The
      // collection cannot clear it: that auth is resolved from the variables as they were when the script started
      // (ACCESS_TOKEN unset or emptied in the environment, the collection's or the local variables before the call, or
      // after a timer, still sends the stale token), an empty ACCESS_TOKEN still sends "Authorization: Bearer", and a
      // second collection-level beforeRequest script (to clear in one, renew in the next) is not run. It fails until
      // Postman changes that; the test after it pins what goes to IMS meanwhile.
      it.fails(
        "a stale ACCESS_TOKEN: the token request carries no Authorization header (Postman adds the collection's auth)",
        noAuthorization,
      );
      it("a stale ACCESS_TOKEN: renewed with one IMS call; what Postman adds to the token request is the collection's Bearer and the stale token, nothing of the credential", async () => {
        const result = await run(staleToken, ["-i", "Platform"]);
        expect(result.code, result.stdout).toBe(0);
        expect(shared.ctx.emulator.calls.tokenV3).toBe(1);
        expect(shared.ctx.emulator.tokenRequestAuthorizations).toEqual(["Bearer stale-token-of-yesterday"]);
      });
    }
  });

  describe("v2.1 JSON", () => {
    async function run(overrides: Record<string, string>, extra: string[] = []) {
      const file = FORMATS[0]!.environment(
        work.path(`environment-${Math.random().toString(36).slice(2)}`),
        emulatorEnvironment(shared.ctx.emulator, shared.ctx.credential, overrides),
      );
      return runPostmanCli(
        ["collection", "run", "collection.json", "-e", file, "--ssl-extra-ca-certs", shared.ctx.caFile, ...extra],
        work.dir,
        home,
      );
    }

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
      const offline = "POSTMAN_CLI_SKIP_UPDATE_CHECK=1 POSTMAN_ANALYTICS_BASE_URL=http://127.0.0.1:9";
      const pipeline = await runTokenPipeline(shared.ctx, buildCollection(), [
        `HOME="${home}" ${offline} "${POSTMAN_CLI}" collection run collection.json -e ci.postman_environment.json --ssl-extra-ca-certs "$CA" $IMS_TOKEN_ARGS`,
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
});
