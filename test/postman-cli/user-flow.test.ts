// A user's sign-in in the Postman CLI (opt-in): the user collection with REFRESH_TOKEN renews once and every request carries the
// user's token; a revoked refresh token exits 1 with ERR_SIGN_IN_AGAIN; the CLI has no --export-environment, so its CI path is the
// token pipeline (token writes the rotated refresh token back, the CLI runs on the access token).

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { POSTMAN_CLI_VERSION } from "../../scripts/postman-cli.mjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { buildUserCollection } from "../../src/generator/collection/user-collection.js";
import { buildEnvironment, type EnvironmentFile, templateByName } from "../../src/generator/environment/environments.js";
import { postmanV3Files, v3EnvironmentYaml } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli, unwrapped } from "../helpers/postman-cli.js";

describe.runIf(POSTMAN_CLI)(`the Postman CLI ${POSTMAN_CLI_VERSION}, a user's sign-in`, { timeout: 180_000 }, () => {
  const SCOPES = "openid,AdobeID,offline_access,profile,email";
  const web = makeUserClient({ kind: "web" });
  const work = tempDir("postman-cli-user");
  let emulator: ImsEmulator;
  let home = "";
  const printed: string[] = [];
  const secrets: string[] = [web.clientSecret ?? ""];

  beforeAll(async () => {
    emulator = await ImsEmulator.start({ userClients: [web] });
    home = cleanHome();
    writeFileSync(work.path("collection.json"), JSON.stringify(buildUserCollection()));
    // The same collection as Postman v12 keeps it in Git (collections/postman/collections/adobe-ims-user/).
    for (const [path, text] of postmanV3Files({ flows: ["oauth-user"] })) {
      mkdirSync(dirname(work.path(path)), { recursive: true });
      writeFileSync(work.path(path), text);
    }
    writeFileSync(work.path("ca.pem"), emulator.caCertificatePem);
  });
  afterAll(async () => {
    await emulator.close();
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });
  beforeEach(() => emulator.reset());

  function environment(name: string, refreshToken: string): string {
    const file = work.path(`${name}.postman_environment.json`);
    const env = buildEnvironment(templateByName("oauth-user"), {
      IMS: emulator.host,
      API_KEY: web.clientId,
      CLIENT_SECRET: web.clientSecret ?? "",
      SCOPES,
      REFRESH_TOKEN: refreshToken,
    });
    writeFileSync(file, JSON.stringify(env));
    secrets.push(refreshToken);
    return file;
  }
  const signIn = () => emulator.signIn.signInWithoutBrowser(web.clientId, SCOPES.split(",")).refreshToken ?? "";
  const run = async (args: string[]) => {
    const result = await runPostmanCli(
      ["collection", "run", "collection.json", ...args, "--ssl-extra-ca-certs", work.path("ca.pem")],
      work.dir,
      home,
    );
    printed.push(result.stdout + result.stderr);
    return result;
  };

  it("renews once with REFRESH_TOKEN; userinfo and profile answer 200 with the user's token", async () => {
    const result = await run(["-e", environment("fresh", signIn())]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout.match(/Pass {2}IMS answered 200/g)).toHaveLength(2);
    expect(emulator.signIn.calls.refreshToken).toBe(1);
    expect(emulator.calls.api).toBe(2);
  });

  it("a revoked refresh token exits 1 with ERR_SIGN_IN_AGAIN, saying how to sign in again", async () => {
    const file = environment("revoked", signIn());
    emulator.revokeRefreshTokens();
    const result = await run(["-e", file]);
    expect(result.code).toBe(1);
    const text = unwrapped(result.stdout).replace(/\s+/g, " ");
    expect(text).toContain("ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN");
    expect(text).toContain("postman-ims-auth login --env FILE");
    expect(emulator.signIn.calls.refreshToken).toBe(1);
  });

  it("the CI path: token renews and writes the rotated refresh token back; the CLI runs on the access token, no IMS call", async () => {
    const sent = signIn();
    const file = environment("pipeline", sent);
    const token = await runCli(["token", "--env", file, "--format", "env-var", "--ca", work.path("ca.pem")]);
    expect(token.code, token.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).not.toContain(sent);
    printed.push(token.stderr);
    const result = await run(["-e", file, ...token.stdout.trim().split(/\s+/)]);
    expect(result.code, result.stdout).toBe(0);
    expect(emulator.signIn.calls.refreshToken).toBe(1);
    expect(emulator.calls.api).toBe(2);
  });

  describe("the v3 folder", () => {
    const runV3 = async (environmentFile: string) => {
      const v3Environment = work.path(`${environmentFile.split("/").pop()}.environment.yaml`);
      writeFileSync(v3Environment, v3EnvironmentYaml(JSON.parse(readFileSync(environmentFile, "utf8")) as EnvironmentFile));
      const result = await runPostmanCli(
        ["collection", "run", "postman/collections/adobe-ims-user", "-e", v3Environment, "--ssl-extra-ca-certs", work.path("ca.pem")],
        work.dir,
        home,
      );
      printed.push(result.stdout + result.stderr);
      return result;
    };

    it("renews once with REFRESH_TOKEN; userinfo and profile answer 200 with the user's token", async () => {
      const result = await runV3(environment("v3-fresh", signIn()));
      expect(result.code, result.stdout).toBe(0);
      expect(emulator.signIn.calls.refreshToken).toBe(1);
      expect(emulator.calls.api).toBe(2);
    });

    it("a revoked refresh token exits 1 with ERR_SIGN_IN_AGAIN", async () => {
      const file = environment("v3-revoked", signIn());
      emulator.revokeRefreshTokens();
      const result = await runV3(file);
      expect(result.code).toBe(1);
      expect(unwrapped(result.stdout).replace(/\s+/g, " ")).toContain("ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN");
      expect(emulator.signIn.calls.refreshToken).toBe(1);
    });
  });

  it("printed no secret: the client secret or a refresh token", () => {
    for (const text of printed) for (const secret of secrets.filter((value) => value.length > 8)) expect(text.includes(secret)).toBe(false);
  });
});
