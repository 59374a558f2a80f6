// Opt-in (npm run test:browser): a real headless Chromium (Debian's package, driven by playwright-core) opens the emulator's
// sign-in page from `login`, presses Allow, and lands on login's loopback page; login then writes the refresh token.

import { execFile } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeUserClient } from "../../src/emulator/user/user-clients.js";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { CHROMIUM, playwrightEntry } from "../../scripts/browser-tests.mjs";
import { CLI, readJson, tempDir } from "../helpers/cli.js";

const PLAYWRIGHT = process.env.BROWSER_TESTS === "1" ? (playwrightEntry() as string | undefined) : undefined;

describe.runIf(PLAYWRIGHT)("a real browser signs in through the emulator's page", () => {
  const web = makeUserClient({ kind: "web" });
  const temp = tempDir("browser");
  let emulator: ImsEmulator;

  beforeAll(async () => {
    emulator = await ImsEmulator.start({ userClients: [web] });
    writeFileSync(temp.path("ca.pem"), emulator.caCertificatePem);
  });
  afterAll(async () => {
    await emulator.close();
    temp.remove();
  });

  it("login opens Chromium on the sign-in page; Allow lands on login's loopback, and REFRESH_TOKEN is written", async () => {
    const file = temp.path("user.postman_environment.json");
    const env = buildEnvironment(templateByName("oauth-user"), {
      IMS: emulator.host,
      API_KEY: web.clientId,
      CLIENT_SECRET: web.clientSecret ?? "",
      SCOPES: "openid,AdobeID,offline_access,profile,email",
    });
    writeFileSync(file, JSON.stringify(env, null, 2));
    const log = temp.path("chromium.log");
    const browser = temp.path("chromium-browser");
    // $BROWSER: Chromium headless, as a person would use it: it accepts the emulator's and the loopback's certificates
    // (a person clicks through the warning), reads the page, presses Allow.
    writeFileSync(
      browser,
      `#!${process.execPath}
const { chromium } = require(${JSON.stringify(PLAYWRIGHT)});
const fs = require("node:fs");
const note = (line) => fs.appendFileSync(${JSON.stringify(log)}, line + "\\n");
(async () => {
  const instance = await chromium.launch({ executablePath: ${JSON.stringify(CHROMIUM)}, headless: true, args: ["--no-sandbox"] });
  try {
    const page = await (await instance.newContext({ ignoreHTTPSErrors: true })).newPage();
    await page.goto(process.argv[2]);
    note("page " + (await page.title()) + " | " + (await page.textContent("#user")));
    await Promise.all([page.waitForURL(/^https:\\/\\/localhost:\\d+\\/callback/), page.click("#allow")]);
    note("landed " + new URL(page.url()).host + " | " + (await page.textContent("h1")));
  } catch (error) {
    note("failed " + error.message);
  } finally {
    await instance.close();
  }
})();
`,
    );
    chmodSync(browser, 0o755);
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const ran = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          CLI,
          "login",
          "--env",
          file,
          "--redirect-uri",
          `https://localhost:${port}/callback`,
          "--ca",
          temp.path("ca.pem"),
          "--timeout",
          "90",
        ],
        { env: { ...process.env, BROWSER: browser }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(ran.code, `${ran.stderr}\n${readFileSync(log, "utf8")}`).toBe(0);
    // login exits once its loopback has answered; the browser, a process of its own, notes the page it landed on
    // when Chromium has shown it, which can be just after: wait for that line (or a failure), at most 30 s.
    for (let waited = 0; waited < 30_000 && !/^(landed|failed) /m.test(readFileSync(log, "utf8")); waited += 100) await sleep(100);
    expect(readFileSync(log, "utf8").split("\n").filter(Boolean)).toEqual([
      "page Sign in – local IMS emulator | Test User",
      `landed localhost:${port} | Signed in`,
    ]);
    expect(ran.stdout).toMatch(/^signed in as Test User <test\.user@example\.com>; wrote REFRESH_TOKEN/);
    const values = readJson<{ values: Array<{ key: string; value: string }> }>(file).values;
    expect(values.find((entry) => entry.key === "REFRESH_TOKEN")?.value).toMatch(/^eyJ/);
  }, 150_000);
});
