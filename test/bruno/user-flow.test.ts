// A user's sign-in in Bruno's CLI 4.1.0 (both script runtimes): the generated collection with the oauth-user environment
// renews once with REFRESH_TOKEN, bru writes the rotated one into the environment's file (and nothing else), the next run
// uses it, and a revoked one is ERR_SIGN_IN_AGAIN. Opt-in, like the other Bruno tests.

import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { BRUNO_CLI, brunoHome, requestsSummary, runBru, SANDBOXES } from "../helpers/bruno-cli.js";
import { runCli, tempDir } from "../helpers/cli.js";

describe.runIf(BRUNO_CLI)("Bruno's CLI 4.1.0, a user's sign-in", () => {
  // The emulator's AEM answers tokens with ent_aem_cloud_sdk: the user consents to it here, so AEM stands for a user API.
  const SCOPES = "openid,AdobeID,offline_access,ent_aem_cloud_sdk";
  const web = makeUserClient({ kind: "web", scopes: ["openid", "AdobeID", "offline_access", "ent_aem_cloud_sdk"] });
  const work = tempDir("bruno-user");
  let emulator: ImsEmulator;
  let home = "";
  let generated = "";
  let runs = 0;
  const outputs: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    emulator = await ImsEmulator.start({ userClients: [web] });
    home = brunoHome();
    const made = await runCli(["generate", "--target", "bruno", "--out", work.path("generated")]);
    expect(made.code, made.stderr).toBe(0);
    generated = work.path("generated", "adobe-ims");
    writeFileSync(work.path("ca.pem"), emulator.caCertificatePem);
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(home, { recursive: true, force: true });
    work.remove();
  });
  beforeEach(() => emulator.reset());

  /** A copy of the collection whose oauth-user environment holds the credential and a fresh sign-in, as a user keeps them. */
  function collection(refreshToken: string): { dir: string; file: string; env: Record<string, string> } {
    const dir = work.path(`run-${++runs}`);
    cpSync(generated, dir, { recursive: true });
    const file = join(dir, "environments", "oauth-user.yml");
    const environment = JSON.parse(readFileSync(file, "utf8")) as { variables: Array<{ name: string; value?: string; secret?: boolean }> };
    // Secrets are not read from a Bruno environment's file: they come from the job's environment, as in CI.
    const values: Record<string, string> = { IMS: emulator.host, API_KEY: web.clientId, SCOPES };
    for (const variable of environment.variables) if (variable.name in values) variable.value = values[variable.name];
    environment.variables.push({ name: "AEM_HOST", value: emulator.host });
    writeFileSync(file, JSON.stringify(environment, null, 2));
    secrets.push(refreshToken, web.clientSecret ?? "");
    return { dir, file, env: { ADOBE_CLIENT_SECRET: web.clientSecret ?? "", ADOBE_REFRESH_TOKEN: refreshToken } };
  }

  const ARGS = [
    "--env",
    "oauth-user",
    "--env-var",
    "CLIENT_SECRET={{process.env.ADOBE_CLIENT_SECRET}}",
    "--env-var",
    "REFRESH_TOKEN={{process.env.ADOBE_REFRESH_TOKEN}}",
  ];

  const signIn = () => emulator.signIn.signInWithoutBrowser(web.clientId, SCOPES.split(",")).refreshToken ?? "";
  /** bru writes the file back as YAML (JSON is YAML too, for the first read). */
  const stored = (file: string) =>
    (parse(readFileSync(file, "utf8")) as { variables: Array<{ name: string; value?: string }> }).variables.find(
      (variable) => variable.name === "REFRESH_TOKEN",
    )?.value;

  describe.each(SANDBOXES)("--sandbox %s", (sandbox) => {
    it("renews once, the AEM requests get the user's token, and the secret refresh token stays out of the environment's file", async () => {
      const sent = signIn();
      const { dir, file, env } = collection(sent);
      const result = await runBru(dir, ["--sandbox", sandbox, ...ARGS, "--cacert", work.path("ca.pem")], home, env);
      outputs.push(result.stdout + result.stderr);
      expect(result.code, result.stdout).toBe(0);
      expect(requestsSummary(result)).toBe("5 (2 Passed, 3 Skipped)");
      expect(emulator.signIn.calls.refreshToken).toBe(1);
      expect(emulator.calls.api).toBe(2);
      // bru keeps secrets out of the file: the rotated refresh token lived for the run (docs/sign-in.md: Bruno in CI).
      expect(stored(file)).toBeUndefined();
      expect(readFileSync(file, "utf8")).not.toMatch(/eyJ/);
    });

    it("the CI recipe: token renews and keeps the rotated refresh token in its .env file, bru runs on the access token", async () => {
      const dotenv = work.path(`user-${sandbox}.env`);
      const sent = signIn();
      writeFileSync(
        dotenv,
        [
          `IMS=${emulator.host}`,
          `API_KEY=${web.clientId}`,
          `CLIENT_SECRET=${web.clientSecret}`,
          `SCOPES=${SCOPES}`,
          `REFRESH_TOKEN=${sent}`,
          "",
        ].join("\n"),
      );
      const token = await runCli(["token", "--env", dotenv, "--format", "env-var", "--ca", work.path("ca.pem")]);
      expect(token.code, token.stderr).toBe(0);
      expect(readFileSync(dotenv, "utf8")).not.toContain(sent);
      const { dir } = collection("");
      const args = token.stdout.trim().split(/\s+/);
      const result = await runBru(dir, ["--sandbox", sandbox, "--env", "oauth-user", ...args, "--cacert", work.path("ca.pem")], home);
      outputs.push(result.stdout + result.stderr, token.stderr);
      expect(result.code, result.stdout).toBe(0);
      expect(emulator.signIn.calls.refreshToken).toBe(1);
      expect(emulator.calls.api).toBe(2);
    });

    it("a revoked refresh token: non-zero exit, ERR_SIGN_IN_AGAIN saying how to sign in, IMS asked once", async () => {
      const { dir, env } = collection(signIn());
      emulator.revokeRefreshTokens();
      const result = await runBru(dir, ["--sandbox", sandbox, ...ARGS, "--cacert", work.path("ca.pem")], home, env);
      outputs.push(result.stdout + result.stderr);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain("ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN");
      expect(result.stdout).toContain("postman-ims-auth login --env FILE");
      expect(emulator.signIn.calls.refreshToken).toBe(1);
    });
  });

  it("no run printed a secret: the client secret or a refresh token", () => {
    for (const output of outputs)
      for (const secret of secrets.filter((value) => value.length > 8)) expect(output.includes(secret)).toBe(false);
  });
});
