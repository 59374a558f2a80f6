// `env` as a user runs it: each source, values from flags, files and the process environment, and refusals.

import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { FAKE_CLIENT_SECRET, makeAemCredentials } from "../helpers/aem-credentials.js";
import { environmentRoundTripProblems, readJson, tempDir, type EnvironmentJson } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { rsaKeyPems } from "../helpers/keys.js";

const temp = tempDir("cli-env");
afterAll(() => temp.remove());

const SECRET = "p8e-CLI-TEST-ONLY-secret";
const valuesOf = (env: EnvironmentJson) => Object.fromEntries(env.values.map(({ key, value }) => [key, value]));
const typesOf = (env: EnvironmentJson) => Object.fromEntries(env.values.map(({ key, type }) => [key, type]));

async function env(args: string[], file: string, options: { env?: Record<string, string> } = {}) {
  const result = await runMain(["env", "-o", file, ...args], options);
  return { ...result, json: existsSync(file) ? readJson<EnvironmentJson>(file) : undefined };
}

describe("env from a template", () => {
  it("the workshop template with --set, --set-file, an .env file and a value from the process environment; secrets typed secret, never printed", async () => {
    const pem = rsaKeyPems().pkcs8;
    writeFileSync(temp.path("private.key"), pem);
    writeFileSync(temp.path("class.env"), "# shared by the class\nIMS_ORG=ABC@AdobeOrg\nAPI_KEY=from-env-file\nSANDBOX_NAME=dev\n");
    const out = temp.path("student.postman_environment.json");
    const result = await env(
      [
        "--dotenv",
        temp.path("class.env"),
        "--set",
        "API_KEY=0123abcd",
        "--set",
        "CLIENT_SECRET",
        "--set-file",
        `PRIVATE_KEY=${temp.path("private.key")}`,
        "--name",
        "Student 1",
      ],
      out,
      { env: { CLIENT_SECRET: SECRET } },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote .*student\.postman_environment\.json: environment "Student 1", 12 variables \(secret: CLIENT_SECRET, PRIVATE_KEY, ACCESS_TOKEN; empty: META_SCOPE, SCOPES, TECHNICAL_ACCOUNT_ID\)/,
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    const json = result.json!;
    expect(json.name).toBe("Student 1");
    expect(valuesOf(json)).toMatchObject({
      API_KEY: "0123abcd",
      CLIENT_SECRET: SECRET,
      IMS_ORG: "ABC@AdobeOrg",
      SANDBOX_NAME: "dev",
      PRIVATE_KEY: pem.trimEnd(),
      IMS: "ims-na1.adobelogin.com",
    });
    expect(typesOf(json)).toMatchObject({ CLIENT_SECRET: "secret", PRIVATE_KEY: "secret", ACCESS_TOKEN: "secret", API_KEY: "default" });
    expect(environmentRoundTripProblems(json)).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("the oauth-s2s template has that flow's variables; a known variable it lacks is added", async () => {
    const result = await env(
      ["--template", "oauth-s2s", "--set", "SCOPES=openid,AdobeID", "--set", "AUTH_FLOW=oauth-s2s"],
      temp.path("s2s.json"),
    );
    expect(result.code).toBe(0);
    expect(result.json!.values.map(({ key }) => key)).toEqual([
      "IMS",
      "API_KEY",
      "CLIENT_SECRET",
      "SCOPES",
      "IMS_ORG",
      "SANDBOX_NAME",
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
      "AUTH_FLOW",
    ]);
    expect(environmentRoundTripProblems(result.json!)).toEqual([]);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const out = temp.path("exists.json");
    writeFileSync(out, "keep me");
    const refused = await runMain(["env", "-o", out, "--set", "API_KEY=x"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: ERR_OUTPUT_EXISTS: .*exists\.json already exists; nothing was written\..*--force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await env(["--set", "API_KEY=x", "--force"], out);
    expect(forced.code).toBe(0);
    expect(valuesOf(forced.json!).API_KEY).toBe("x");
  });
});

describe("env from AEM service credentials and from a Developer Console download", () => {
  it("--aem-credentials with --aem-host fills in the AEM template", async () => {
    const aem = makeAemCredentials();
    writeFileSync(temp.path("aem.json"), JSON.stringify(aem.wrapped));
    const result = await env(
      ["--aem-credentials", temp.path("aem.json"), "--aem-host", "author-p1-e2.adobeaemcloud.com"],
      temp.path("aem.postman_environment.json"),
    );
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(FAKE_CLIENT_SECRET);
    expect(valuesOf(result.json!)).toMatchObject({
      API_KEY: "cm-p123-e1234",
      CLIENT_SECRET: FAKE_CLIENT_SECRET,
      AEM_HOST: "author-p1-e2.adobeaemcloud.com",
      META_SCOPE: "ent_aem_cloud_sdk,ent_cloudmgr_sdk",
      PRIVATE_KEY: aem.privateKey,
    });
    expect(environmentRoundTripProblems(result.json!)).toEqual([]);
  });

  it("--from-console keeps the download's variable names and order, typing ours; --set adds to it", async () => {
    const download = {
      id: "0f1e",
      name: "My Project",
      values: [
        { key: "CLIENT_SECRET", value: SECRET, type: "secret", enabled: true },
        { key: "API_KEY", value: "0123abcd", type: "text", enabled: true },
        { key: "SCOPES", value: ["openid", "AdobeID", "read_organizations"], type: "text", enabled: true },
        { key: "ACCESS_TOKEN", value: "", type: "default", enabled: true },
        { key: "TECHNICAL_ACCOUNT_ID", value: "ABC@techacct.adobe.com", type: "text", enabled: true },
        { key: "IMS", value: "ims-na1.adobelogin.com", type: "text", enabled: true },
        { key: "IMS_ORG", value: "ABC@AdobeOrg", type: "text", enabled: true },
        { key: "IMS_TOKEN", value: "", type: "text", enabled: true },
      ],
      _postman_variable_scope: "environment",
    };
    writeFileSync(temp.path("oauth_server_to_server.postman_environment.json"), JSON.stringify(download));
    const result = await env(
      ["--from-console", temp.path("oauth_server_to_server.postman_environment.json"), "--set", "SANDBOX_NAME=prod"],
      temp.path("console.json"),
    );
    expect(result.code).toBe(0);
    const json = result.json!;
    expect(json.name).toBe("My Project");
    expect(json.values.map(({ key }) => key)).toEqual([...download.values.map(({ key }) => key), "SANDBOX_NAME"]);
    expect(valuesOf(json)).toMatchObject({ SCOPES: "openid,AdobeID,read_organizations", CLIENT_SECRET: SECRET });
    expect(typesOf(json)).toMatchObject({ CLIENT_SECRET: "secret", ACCESS_TOKEN: "secret", IMS_TOKEN: "secret", API_KEY: "default" });
    expect(environmentRoundTripProblems(json)).toEqual([]);
  });
});

describe("env refuses", () => {
  it("a missing --dotenv file: our error, naming the file", async () => {
    const result = await runMain(["env", "-o", "x.json", "--dotenv", "nope.env"], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*nope\.env/);
    expect(existsSync(temp.path("x.json"))).toBe(false);
  });

  it.each([
    ["no output file", [], /^error: ERR_USAGE: say where to write the environment: -o FILE\n\nusage: postman-ims-auth env/],
    [
      "two sources",
      ["-o", "x.json", "--template", "aem", "--from-console", "c.json"],
      /^error: ERR_INVALID_OPTION: give one source for the environment \(a template, AEM service credentials or a Developer Console download\), not several\./,
    ],
    [
      "--aem-host alone",
      ["-o", "x.json", "--aem-host", "h"],
      /^error: ERR_INVALID_OPTION: an AEM host goes with AEM service credentials: give the credentials file too\./,
    ],
    [
      "an unknown template",
      ["-o", "x.json", "--template", "class"],
      /^error: ERR_INVALID_OPTION: there is no environment template "class": use one of oauth-s2s, workshop, aem/,
    ],
    [
      "an unknown variable",
      ["-o", "x.json", "--set", "client_secret=x"],
      /^error: ERR_INVALID_OPTION: client_secret=…: client_secret is not a variable the collection reads: did you mean CLIENT_SECRET\?/,
    ],
    [
      "--set without a name",
      ["-o", "x.json", "--set", "=x"],
      /^error: ERR_INVALID_OPTION: the text before "=" is not a variable name: write NAME=VALUE/,
    ],
    [
      "--set NAME unset in the environment",
      ["-o", "x.json", "--set", "PRIVATE_KEY"],
      /^error: ERR_MISSING_VARIABLE: PRIVATE_KEY \(no "=VALUE"\) takes its value from the environment variable PRIVATE_KEY, which is not set/,
    ],
    [
      "a missing --set-file file",
      ["-o", "x.json", "--set-file", "PRIVATE_KEY=nope.env"],
      /^error: ERR_INPUT_FILE: nope\.env \(the file for PRIVATE_KEY\) does not exist: check the path\./,
    ],
    [
      "a missing credentials file",
      ["-o", "x.json", "--aem-credentials", "nope.json"],
      /^error: ERR_INPUT_FILE: nope\.json \(the AEM service credentials\) does not exist/,
    ],
    [
      "a collection given as a console download",
      ["-o", "x.json", "--from-console", "collection.json"],
      /^error: ERR_INPUT_FILE: collection\.json: is a Postman collection, not an environment/,
    ],
    ["a bad .env line", ["-o", "x.json", "--dotenv", "bad.env"], /^error: ERR_INPUT_FILE: bad\.env:2: line 2 is not KEY=VALUE/],
  ])("%s, and writes nothing", async (_name, args, message) => {
    writeFileSync(temp.path("collection.json"), JSON.stringify({ info: { name: "c" }, item: [] }));
    writeFileSync(temp.path("bad.env"), `API_KEY=x\n${SECRET}\n`);
    const result = await runMain(["env", ...args], { cwd: temp.dir, env: { PRIVATE_KEY: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain(SECRET);
    expect(existsSync(temp.path("x.json"))).toBe(false);
  });
});
