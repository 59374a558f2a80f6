// `postman-ims-auth emulator` as a user rehearses with it: their own credential files registered, the environment it
// writes run through the whole collection by Newman's CLI (one IMS call), SIGTERM ends it, bad files are refused.

import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeThrowawayCredential } from "../../src/emulator/service/integration.js";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { FAKE_CLIENT_SECRET, makeAemCredentials } from "../helpers/aem-credentials.js";
import { type EnvironmentJson, readJson, runCli, tempDir } from "../helpers/cli.js";
import { type CliProcess, startCli } from "../helpers/cli-process.js";

const ROOT = packageRoot();
const COLLECTION = join(ROOT, "collections", "adobe-ims.postman_collection.json");
const NEWMAN = join(ROOT, "node_modules", "newman", "bin", "newman.js");
const temp = tempDir("cli-emulator");
const running: CliProcess[] = [];
afterAll(async () => {
  for (const run of running) run.child.kill("SIGKILL");
  temp.remove();
});

const LISTENING = /^IMS emulator listening on https:\/\/(127\.0\.0\.1:(\d+))$/;
const valuesOf = (file: string) => Object.fromEntries(readJson<EnvironmentJson>(file).values.map(({ key, value }) => [key, value]));
/** Request log lines of token requests: what the emulator printed for each IMS call. */
const imsCalls = (stdout: string) => stdout.split("\n").filter((line) => /^POST \/ims\//.test(line));

function emulator(args: string[]): CliProcess {
  const run = startCli(["emulator", ...args], { cwd: temp.dir });
  running.push(run);
  return run;
}

/** Newman's CLI through the whole committed collection (no --folder), as docs/emulator.md's rehearsal says. */
function newman(environment: string, ca: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [NEWMAN, "run", COLLECTION, "-e", environment, "--ssl-extra-ca-certs", ca],
      { cwd: temp.dir, env: { ...process.env, NODE_EXTRA_CA_CERTS: "" }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

/** A student's own JWT environment as they would have it for Adobe: real IMS host, AEM host, a stale token, full metascope URLs. */
function userEnvironment() {
  const credential = makeThrowawayCredential({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"] });
  const { integration } = credential;
  const env = buildEnvironment(templateByName("workshop"), {
    IMS: "ims-na1.adobelogin.com",
    IMS_ORG: integration.orgId,
    TECHNICAL_ACCOUNT_ID: integration.technicalAccountId,
    API_KEY: integration.clientId,
    CLIENT_SECRET: integration.clientSecret,
    META_SCOPE: "https://ims-na1.adobelogin.com/s/ent_aem_cloud_sdk,ent_cloudmgr_sdk",
    PRIVATE_KEY: credential.privateKeyPem,
    SANDBOX_NAME: "prod",
    AEM_HOST: "author-p123-e456.adobeaemcloud.com",
    ACCESS_TOKEN: "eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiYWNjZXNzX3Rva2VuIn0.c2lnbmF0dXJl",
  });
  return { credential, file: temp.path("my.postman_environment.json"), env };
}

/** No secret of the user's files in what the command printed: client secrets, key lines. */
function expectNoSecrets(output: string, secrets: string[], keys: string[]) {
  for (const secret of secrets) expect(output).not.toContain(secret);
  for (const key of keys) for (const line of key.split(/\r?\n/).filter((text) => text.length > 40)) expect(output).not.toContain(line);
}

describe("with the user's own credential files", () => {
  it("registers an environment's JWT credential and AEM service credentials, prints their ids only, and the copy it writes runs green", async () => {
    const user = userEnvironment();
    writeFileSync(user.file, JSON.stringify(user.env, null, 2));
    const aem = makeAemCredentials();
    writeFileSync(temp.path("aem.json"), JSON.stringify(aem.wrapped));
    const run = emulator(["--env", user.file, "--aem-credentials", "aem.json", "--write-env", "rehearsal.json", "--ca-out", "ca.pem"]);
    const [, host] = await run.line(LISTENING);
    await run.line(/^Ctrl-C or kill stops it\.$/);
    const { integration } = user.credential;
    expect(run.stdout()).toContain(
      `registered JWT credential from ${user.file}: client ID ${integration.clientId}, organization ${integration.orgId}`,
    );
    expect(run.stdout()).toMatch(
      /registered JWT credential from aem\.json: client ID cm-p123-e1234, .*metascopes ent_aem_cloud_sdk,ent_cloudmgr_sdk, public key from integration\.publicKey/,
    );

    // Checked before anything runs: every host the collection calls is the emulator, and no token of the user's is kept.
    const written = valuesOf(temp.path("rehearsal.json"));
    expect(written).toMatchObject({
      IMS: host,
      PLATFORM_HOST: host,
      AEM_HOST: host,
      ACCESS_TOKEN: "",
      META_SCOPE: "ent_aem_cloud_sdk,ent_cloudmgr_sdk",
    });
    expect(written.CLIENT_SECRET).toBe(integration.clientSecret);

    const result = await newman(temp.path("rehearsal.json"), temp.path("ca.pem"));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Platform answered 200/);
    expect(result.output).toMatch(/AEM answered 200/);
    await run.line(/^GET \/libs\/granite\/security\/currentuser\.json → 200$/);
    expect(imsCalls(run.stdout())).toEqual(["POST /ims/exchange/jwt → 200"]);
    expectNoSecrets(
      run.stdout() + run.stderr(),
      [integration.clientSecret, FAKE_CLIENT_SECRET],
      [user.credential.privateKeyPem, aem.privateKey],
    );
    run.child.kill("SIGINT");
    expect(await run.exited()).toBe(0);
  });

  it("AEM service credentials alone: the environment written for them runs green, the AEM folder included", async () => {
    const aem = makeAemCredentials();
    writeFileSync(temp.path("aem-only.json"), JSON.stringify(aem.wrapped));
    const run = emulator(["--aem-credentials", "aem-only.json", "--write-env", "aem-rehearsal.json", "--ca-out", "aem-ca.pem"]);
    const [, host] = await run.line(LISTENING);
    expect(valuesOf(temp.path("aem-rehearsal.json"))).toMatchObject({ IMS: host, AEM_HOST: host, PLATFORM_HOST: host });
    const result = await newman(temp.path("aem-rehearsal.json"), temp.path("aem-ca.pem"));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/AEM answered 200/);
    await run.line(/^GET \/libs\/granite\/security\/currentuser\.json → 200$/);
    expect(imsCalls(run.stdout())).toEqual(["POST /ims/exchange/jwt → 200"]);
    run.child.kill("SIGTERM");
    expect(await run.exited()).toBe(0);
  });
});

describe("with no credential: a throwaway one", () => {
  it("writes a complete environment that runs green at once, issues tokens of --token-lifetime, and SIGTERM ends it", async () => {
    const run = emulator(["--write-env", "throwaway.json", "--ca-out", "throwaway-ca.pem", "--token-lifetime", "3600"]);
    const [, , port] = await run.line(LISTENING);
    const before = Date.now();
    const result = await newman(temp.path("throwaway.json"), temp.path("throwaway-ca.pem"));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Platform answered 200/);
    expect(imsCalls(run.stdout())).toHaveLength(1);
    // The JWT exchange answers expires_in in milliseconds: the stored expiry is an hour from the run, not a day.
    const exported = temp.path("throwaway-after.json");
    const second = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [
          NEWMAN,
          "run",
          COLLECTION,
          "-e",
          temp.path("throwaway.json"),
          "--ssl-extra-ca-certs",
          temp.path("throwaway-ca.pem"),
          "--export-environment",
          exported,
        ],
        { cwd: temp.dir },
        (_error, stdout) => resolve(stdout),
      ),
    );
    const expiresAt = Number(valuesOf(exported).ACCESS_TOKEN_EXPIRES_AT);
    expect(expiresAt - before, second).toBeGreaterThan(3_500_000);
    expect(expiresAt - Date.now()).toBeLessThan(3_600_000);

    run.child.kill("SIGTERM");
    expect(await run.exited()).toBe(0);
    expect(run.stdout()).toMatch(/IMS emulator stopped\n$/);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe("bad input: a coded error naming the file, nothing started", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "a missing --env file",
      ["--env", "missing.postman_environment.json"],
      /^error: ERR_INPUT_FILE: missing\.postman_environment\.json cannot be read \(ENOENT\)/,
    ],
    ["a collection given as --env", ["--env", COLLECTION], /^error: ERR_INPUT_FILE: .*is a Postman collection, not an environment/],
    [
      "an environment given as --aem-credentials",
      ["--aem-credentials", "plain.postman_environment.json"],
      /^error: ERR_CREDENTIALS_FILE: plain\.postman_environment\.json is not AEM service credentials/,
    ],
    [
      "an environment without a credential",
      ["--env", join(ROOT, "environments", "oauth-s2s.postman_environment.json")],
      /^error: ERR_AUTH_FLOW: .*oauth-s2s\.postman_environment\.json: No credentials/,
    ],
    [
      "an environment whose values are wrong",
      ["--env", "broken.postman_environment.json"],
      /^error: ERR_INVALID_VARIABLE: broken\.postman_environment\.json: .*IMS_ORG/,
    ],
    [
      "a --write-env file that exists",
      ["--write-env", "exists.json"],
      /^error: ERR_OUTPUT_EXISTS: exists\.json already exists; nothing was written/,
    ],
    [
      "a token lifetime that is not a number of seconds",
      ["--token-lifetime", "1h"],
      /^error: ERR_INVALID_OPTION: --token-lifetime must be a number of seconds from 1 to 86400, not "1h"/,
    ],
  ];
  it.each(cases)("%s", async (_name, args, expected) => {
    const user = userEnvironment();
    writeFileSync(temp.path("plain.postman_environment.json"), JSON.stringify(user.env));
    const broken = {
      ...user.env,
      values: user.env.values.map((entry) => (entry.key === "IMS_ORG" ? { ...entry, value: "not-an-org" } : entry)),
    };
    writeFileSync(temp.path("broken.postman_environment.json"), JSON.stringify(broken));
    writeFileSync(temp.path("exists.json"), "{}");
    const result = await runCli(["emulator", ...args], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stdout).not.toMatch(/listening/);
    expect(readFileSync(temp.path("exists.json"), "utf8")).toBe("{}");
    expectNoSecrets(result.stdout + result.stderr, [user.credential.integration.clientSecret], [user.credential.privateKeyPem]);
  });
});
