// `login` as a subprocess against the emulator, with a stand-in browser ($BROWSER): it signs in, writes REFRESH_TOKEN and the
// access token into the environment file (0600, the rest kept), and the collection then runs on that refresh token.

import { execFile } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { buildUserCollection } from "../../src/generator/collection/user-collection.js";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { CLI, readJson, tempDir } from "../helpers/cli.js";
import { startCli } from "../helpers/cli-process.js";
import { imsHttp } from "../helpers/ims-http.js";
import { writeStandInBrowser } from "../helpers/stand-in-browser.js";

const web = makeUserClient({ kind: "web" });
const spa = makeUserClient({ kind: "spa" });
const SCOPES = "openid,AdobeID,offline_access,profile,email";
const temp = tempDir("login");
let emulator: ImsEmulator;
let caFile: string;

beforeAll(async () => {
  emulator = await ImsEmulator.start({ userClients: [web, spa] });
  caFile = temp.path("ims-ca.pem");
  writeFileSync(caFile, emulator.caCertificatePem);
});
afterAll(async () => {
  await emulator.close();
  temp.remove();
});
beforeEach(() => emulator.reset());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The oauth-user environment as a user fills it in, with one value of their own that login must keep. */
function environmentFile(name: string, client = web): string {
  const file = temp.path(`${name}.postman_environment.json`);
  const env = buildEnvironment(templateByName("oauth-user"), {
    IMS: emulator.host,
    API_KEY: client.clientId,
    CLIENT_SECRET: client.clientSecret ?? "",
    SCOPES,
    PLATFORM_HOST: "kept.example.com",
  });
  writeFileSync(file, `${JSON.stringify(env, null, 2)}\n`, { mode: 0o644 });
  return file;
}

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function login(args: string[], browser: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "login", ...args, "--ca", caFile, "--timeout", "60"],
      { env: { ...process.env, BROWSER: browser, NODE_EXTRA_CA_CERTS: caFile }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const values = (file: string) =>
  Object.fromEntries(readJson<{ values: Array<{ key: string; value: string }> }>(file).values.map(({ key, value }) => [key, value]));

describe("login --env FILE with a browser", () => {
  it("signs in through the consent page, writes the tokens into FILE (0600, the rest kept), and the collection runs on them", async () => {
    const file = environmentFile("web");
    const before = readFileSync(file, "utf8");
    const browser = temp.path("browser-allow");
    const log = temp.path("browser-allow.log");
    writeStandInBrowser(browser, log);
    const port = await freePort();
    const ran = await login(["--env", file, "--redirect-uri", `https://localhost:${port}/callback`], browser);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.trim()).toMatch(
      new RegExp(
        `^signed in as Test User <test\\.user@example\\.com>; wrote REFRESH_TOKEN \\(until \\S+Z\\), ACCESS_TOKEN \\(until \\S+Z\\) into ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
      ),
    );
    expect(readFileSync(log, "utf8").split("\n").filter(Boolean)).toEqual([
      `GET ${emulator.host}/ims/authorize/v2`,
      `POST ${emulator.host}/ims/authorize/v2/consent`,
      `GET localhost:${port}/callback`,
      "landed 200 Signed in",
    ]);
    expect(emulator.signIn.calls).toMatchObject({ authorize: 1, consent: 1, authorizationCode: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const after = values(file);
    expect(after.REFRESH_TOKEN).toMatch(/^eyJ/);
    expect(Number(after.ACCESS_TOKEN_EXPIRES_AT)).toBeGreaterThan(Date.now());
    // Every other line of the file as it was: only the three values changed.
    const changed = before.split("\n").filter((line, index) => line !== readFileSync(file, "utf8").split("\n")[index]);
    expect(changed).toHaveLength(3);
    expect(after.PLATFORM_HOST).toBe("kept.example.com");
    const secrets = [after.REFRESH_TOKEN, after.ACCESS_TOKEN, web.clientSecret ?? ""];
    for (const secret of secrets) expect(`${ran.stdout}${ran.stderr}`.includes(secret ?? "")).toBe(false);

    // The refresh token login wrote works: the user collection renews once with it and stores the next one.
    emulator.reset();
    const run = await runCollection({
      collection: buildUserCollection(),
      environment: JSON.parse(
        readFileSync(file, "utf8").replace(/"ACCESS_TOKEN_EXPIRES_AT",\s*"value": "\d+"/, '"ACCESS_TOKEN_EXPIRES_AT", "value": "0"'),
      ),
      caFile,
    });
    expect(run.failures).toEqual([]);
    expect(emulator.signIn.calls.refreshToken).toBe(1);
    expect(run.environment.REFRESH_TOKEN).not.toBe(after.REFRESH_TOKEN);
  });

  it("a Single-Page App credential (PKCE, no secret) signs in and gets no refresh token: login says so", async () => {
    const file = environmentFile("spa", spa);
    const browser = temp.path("browser-spa");
    writeStandInBrowser(browser, temp.path("browser-spa.log"));
    const ran = await login(["--env", file, "--redirect-uri", `https://localhost:${await freePort()}/callback`], browser);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/wrote ACCESS_TOKEN \(until /);
    expect(ran.stderr).toContain("IMS gave no refresh token: only OAuth Web App credentials get one");
    expect(values(file).REFRESH_TOKEN).toBe("");
  });

  it("Cancel on the consent page is ERR_SIGN_IN, and the file is left as it was", async () => {
    const file = environmentFile("cancel");
    const before = readFileSync(file, "utf8");
    const browser = temp.path("browser-deny");
    writeStandInBrowser(browser, temp.path("browser-deny.log"), "deny");
    const ran = await login(["--env", file, "--redirect-uri", `https://localhost:${await freePort()}/callback`], browser);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /^error: ERR_SIGN_IN: IMS sent the browser back with access_denied: "The user did not allow the application\."/m,
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("no redirect comes back (the credential's pattern sent the browser elsewhere): login times out, saying what to register", async () => {
    const file = environmentFile("elsewhere");
    const port = await freePort();
    const browser = temp.path("browser-nowhere");
    writeFileSync(browser, `#!${process.execPath}\n`, { mode: 0o755 });
    const ran = await new Promise<Ran>((resolve) => {
      execFile(
        process.execPath,
        [CLI, "login", "--env", file, "--redirect-uri", `https://localhost:${port}/callback`, "--ca", caFile, "--timeout", "1"],
        { env: { ...process.env, BROWSER: browser } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(`error: ERR_SIGN_IN: No sign-in came back to https://localhost:${port}/callback within 1 s.`);
    expect(ran.stderr).toContain("redirect URI pattern does not allow this address");
  });
});

describe("login --no-browser", () => {
  it("prints the address, takes the redirected address pasted back, and writes the tokens", async () => {
    const file = environmentFile("paste");
    const cli = startCli(["login", "--env", file, "--no-browser", "--ca", caFile]);
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(cli.stderr())), 20_000);
      const look = () => {
        const match = /^(https:\/\/\S+\/ims\/authorize\/v2\?\S+)$/m.exec(cli.stderr());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        } else setTimeout(look, 50);
      };
      look();
    });
    const url = new URL(address);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe("https://localhost:8443/callback");
    // The person signs in in a browser elsewhere and copies the address it ended on (a page that did not load).
    const page = await imsHttp(emulator, address);
    const interaction = /name="interaction" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const consent = await imsHttp(emulator, "/ims/authorize/v2/consent", { form: { interaction, decision: "allow" } });
    cli.child.stdin?.end(`${String(consent.headers.location)}\n`);
    expect(await cli.exited(), cli.stderr()).toBe(0);
    expect(cli.stdout()).toMatch(/^signed in as Test User/);
    expect(values(file).REFRESH_TOKEN).toMatch(/^eyJ/);
  });

  it("an address from another sign-in (its state differs) is refused", async () => {
    const file = environmentFile("stale");
    const cli = startCli(["login", "--env", file, "--no-browser", "--ca", caFile]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    cli.child.stdin?.end("https://localhost:8443/callback?code=abc&state=not-this-one\n");
    expect(await cli.exited()).toBe(1);
    expect(cli.stderr()).toContain("error: ERR_SIGN_IN: The address the browser came back to does not belong to this sign-in");
  });
});
