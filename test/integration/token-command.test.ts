// `postman-ims-auth token` as a subprocess against the emulator: its output used as curl would use it.

import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { aemCredentialsFor, environmentFile, workspace, type Workspace } from "../helpers/credential-files.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";

let ctx: EmulatorContext;
let files: Workspace;
let aem: ReturnType<typeof aemCredentialsFor>;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  files = workspace();
  aem = aemCredentialsFor(ctx.emulator);
});
afterAll(async () => {
  files.remove();
  await ctx.close();
});
beforeEach(() => ctx.emulator.reset());

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };

/** GET on the emulator with Node's https, trusting only the emulator's certificate: what `curl --cacert` does. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`https://${ctx.emulator.host}${path}`, { headers, ca: readFileSync(ctx.caFile) }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** "Name: value" as curl -H takes it. */
function headerLine(line: string): Record<string, string> {
  const match = /^([A-Za-z-]+): (.+)$/.exec(line);
  if (!match) throw new Error(`not a header line: ${line}`);
  return { [match[1]!]: match[2]! };
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(ctx.credential.integration.clientSecret);
  expect(text).not.toContain(ctx.credential.privateKeyPem.split("\n")[1]);
  expect(text).not.toContain(aem.privateKey.split("\r\n")[1]);
}

describe("token", () => {
  it("--format header from AEM service credentials: the printed line, sent as a header, opens AEM's protected endpoint", async () => {
    const file = files.write("aem-service-credentials.json", aem.wrapped);
    const result = await runMain(["token", "--aem-credentials", file, "--format", "header", "--ca", ctx.caFile]);
    expect(result.stderr).toMatch(/issued a JWT \(service account\) token \(valid until/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);

    const answer = await get("/content/dam.json", headerLine(result.stdout.trim()));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ "jcr:title": "Assets" });
    expect(await get("/content/dam.json", { Authorization: "Bearer not-a-token" })).toMatchObject({ status: 401 });
    expectNoSecrets(result.stderr);
  });

  it("--format json (the default) from a JWT environment, the emulator trusted through NODE_EXTRA_CA_CERTS", async () => {
    const file = files.write("jwt.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, JWT));
    const started = Date.now();
    const result = await runCli(["token", "--env", file], { env: { NODE_EXTRA_CA_CERTS: ctx.caFile } });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { accessToken: string; expiresAt: number; expiresAtIso: string; flow: string };
    expect(Object.keys(printed)).toEqual(["accessToken", "expiresAt", "expiresAtIso", "flow"]);
    expect(printed.flow).toBe("jwt");
    expect(printed.expiresAt).toBeGreaterThanOrEqual(started + ctx.emulator.tokenLifetimeMs);
    expect(printed.expiresAtIso).toBe(new Date(printed.expiresAt).toISOString());

    const { integration } = ctx.credential;
    const answer = await get("/data/foundation/sandbox-management/sandboxes", {
      Authorization: `Bearer ${printed.accessToken}`,
      "x-api-key": integration.clientId,
      "x-gw-ims-org-id": integration.orgId,
    });
    expect(answer.status).toBe(200);
    expectNoSecrets(result.stderr);
  });

  it("--format env --name: a line a shell can eval", async () => {
    const file = files.write("s2s.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, S2S));
    const result = await runMain(["token", "--env", file, "--format", "env", "--name", "CAI_ACCESS_TOKEN", "--ca", ctx.caFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^export CAI_ACCESS_TOKEN=[\w.-]+\n$/);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    const shell = spawn("sh", ["-c", `eval "$1"; printf %s "$CAI_ACCESS_TOKEN"`, "sh", result.stdout.trim()]);
    let value = "";
    shell.stdout.on("data", (chunk: Buffer) => (value += chunk.toString()));
    await new Promise((resolve) => shell.on("close", resolve));
    expect(value).toBe(result.stdout.trim().split("=")[1]);
  });

  it("--cache FILE: the second call reuses the token (no IMS call); the file is owner-only and holds no credential", async () => {
    const file = files.write("cached.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, S2S));
    const cache = join(files.dir, "cache", "tokens.json");
    const args = ["token", "--env", file, "--format", "header", "--ca", ctx.caFile, "--cache", cache];
    const first = await runMain(args);
    const second = await runMain(args);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toMatch(/reused the cached OAuth Server-to-Server token/);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expectNoSecrets(readFileSync(cache, "utf8"));

    // Other credentials (here other scopes) are not served the first one's token.
    const other = files.write(
      "other.postman_environment.json",
      environmentFile(ctx.emulator, ctx.credential, { ...S2S, SCOPES: "openid" }),
    );
    const third = await runMain(["token", "--env", other, "--ca", ctx.caFile, "--cache", cache]);
    expect(third.code).toBe(0);
    expect(ctx.emulator.calls.tokenV3).toBe(2);
  });

  it("IMS's 503 and 429 are retried as in the collection, then the token is printed", async () => {
    ctx.emulator.injectFaults("/ims/token/v3", [{ status: 503 }, { status: 429, retryAfter: "1" }]);
    const file = files.write("retry.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, S2S));
    const result = await runMain(["token", "--env", file, "--format", "header", "--ca", ctx.caFile]);
    expect(result.code).toBe(0);
    expect(ctx.emulator.calls.tokenV3).toBe(3);
  });

  it.each([
    ["a missing variable", { ...JWT, IMS_ORG: "" }, /^error: ERR_MISSING_VARIABLE: IMS_ORG is not set/],
    [
      "IMS's refusal, with its reason and a hint",
      { ...S2S, SCOPES: "openid,no_such_scope" },
      /^error: ERR_IMS_REJECTED: .*invalid_scope.*Check SCOPES/,
    ],
    [
      "several problems at once",
      { ...JWT, IMS_ORG: "1234", API_KEY: "" },
      /^error: ERR_INVALID_VARIABLE: 2 problems[\s\S]*IMS_ORG[\s\S]*ERR_MISSING_VARIABLE: API_KEY/,
    ],
  ])("%s: the coded error on stderr, nothing on stdout, exit 1", async (_name, overrides, expected) => {
    const file = files.write("broken.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, overrides));
    const result = await runMain(["token", "--env", file, "--ca", ctx.caFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(expected);
    expectNoSecrets(result.stderr);
  });

  it("an emulator that is not trusted: ERR_IMS_UNREACHABLE saying how to trust it", async () => {
    const file = files.write("untrusted.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, S2S));
    const result = await runMain(["token", "--env", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: ERR_IMS_UNREACHABLE: Could not reach IMS at 127\.0\.0\.1:\d+: [A-Z_]+\. Its TLS certificate is not trusted.*--ca FILE/,
    );
    expect(ctx.emulator.calls.tokenV3).toBe(0);
  });

  it.each([
    [["token"], /^error: ERR_USAGE: give one of --env FILE and --aem-credentials FILE\n\nusage: postman-ims-auth token/],
    [["token", "--env", "a.json", "--aem-credentials", "b.json"], /^error: ERR_USAGE: give one of/],
    [
      ["token", "--env", "a.json", "--format", "yaml"],
      /^error: ERR_INVALID_OPTION: the token format must be json, env, header, env-var, not "yaml"\.$/m,
    ],
    [["token", "--env", "a.json", "--format", "env", "--name", "1X"], /^error: ERR_INVALID_OPTION: "1X" cannot be a shell variable name/],
    [
      ["token", "--env", "a.json", "--ca", "/nonexistent/ca.pem"],
      /^error: ERR_INPUT_FILE: \/nonexistent\/ca\.pem \(the CA certificate of --ca\) does not exist: check the path\./,
    ],
  ])("command-line errors: %j", async (args, expected) => {
    const result = await runMain(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(ctx.emulator.calls.tokenV3).toBe(0);
  });
});
