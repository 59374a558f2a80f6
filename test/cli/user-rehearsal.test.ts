// A user credential rehearsed on the emulator, by the command line: emulator --env registers it and --write-env writes the
// oauth-user environment with the test user signed in; token renews and writes the rotated REFRESH_TOKEN back; doctor says
// who is signed in without spending the refresh token.

import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { readJson, tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { startCli, type CliProcess } from "../helpers/cli-process.js";

const temp = tempDir("user-rehearsal");
const CLIENT_ID = "0123456789abcdef0123456789abcdef";
const SECRET = "p8e-TEST-REHEARSAL-SECRET-0000";
let emulator: CliProcess;

const values = (file: string) =>
  Object.fromEntries(readJson<{ values: Array<{ key: string; value: string }> }>(file).values.map(({ key, value }) => [key, value]));

beforeAll(async () => {
  const mine = buildEnvironment(templateByName("oauth-user"), {
    API_KEY: CLIENT_ID,
    CLIENT_SECRET: SECRET,
    SCOPES: "openid AdobeID offline_access profile email",
  });
  writeFileSync(temp.path("mine.postman_environment.json"), JSON.stringify(mine));
  emulator = startCli(["emulator", "--env", "mine.postman_environment.json", "--write-env", "rehearsal.json", "--ca-out", "ca.pem"], {
    cwd: temp.dir,
  });
  await emulator.line(/^IMS emulator listening on https:\/\/127\.0\.0\.1:\d+$/);
}, 60_000);
afterAll(async () => {
  emulator.child.kill("SIGTERM");
  await emulator.exited();
  temp.remove();
});

describe("emulator --env with a user credential", () => {
  it("registers it (ids only) and writes the oauth-user environment with a refresh token of the test user", async () => {
    await emulator.line(/^wrote rehearsal\.json/);
    expect(emulator.stdout()).toContain(
      `registered OAuth Web App credential (a user's sign-in) from mine.postman_environment.json: client ID ${CLIENT_ID}, scopes openid,email,address,profile,offline_access,AdobeID`,
    );
    expect(emulator.stdout()).not.toContain(SECRET);
    const written = values(temp.path("rehearsal.json"));
    expect(written).toMatchObject({ API_KEY: CLIENT_ID, AUTH_FLOW: "user", CLIENT_SECRET: SECRET });
    expect(written.IMS).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(written.REFRESH_TOKEN).toMatch(/^eyJ/);
  });

  it("doctor --online says who is signed in from the stored token, and when the refresh token expires", async () => {
    const file = temp.path("rehearsal.json");
    // A token issued by the emulator for this file, stored as login or a run stores it.
    const token = JSON.parse((await runMain(["token", "--env", file, "--ca", temp.path("ca.pem")])).stdout) as {
      accessToken: string;
      expiresAt: number;
    };
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(/("key": "ACCESS_TOKEN",\s*"value": )""/, `$1${JSON.stringify(token.accessToken)}`)
        .replace(/("key": "ACCESS_TOKEN_EXPIRES_AT",\s*"value": )""/, `$1"${token.expiresAt}"`),
    );
    const refreshBefore = values(file).REFRESH_TOKEN;
    const ran = await runMain(["doctor", file, "--online", "--ca", temp.path("ca.pem")]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain("signed in as Test User <test.user@example.com>");
    expect(ran.stdout).toMatch(/REFRESH_TOKEN valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(as it says\)/);
    expect(values(file).REFRESH_TOKEN).toBe(refreshBefore);
  });
  it("token renews with it, writes the rotated REFRESH_TOKEN back into the file, and prints no secret", async () => {
    const file = temp.path("rehearsal.json");
    const before = values(file).REFRESH_TOKEN;
    const ran = await runMain(["token", "--env", file, "--ca", temp.path("ca.pem")]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ flow: "user" });
    expect(ran.stderr).toContain(`IMS at ${values(file).IMS} issued a user (signed-in) token`);
    expect(ran.stderr).toContain(`stored the new REFRESH_TOKEN IMS returned in ${file} (the one used is spent)`);
    const after = values(file).REFRESH_TOKEN;
    expect(after).toMatch(/^eyJ/);
    expect(after).not.toBe(before);
    for (const secret of [before, after, SECRET]) expect(ran.stderr.includes(secret ?? "")).toBe(false);
    // The spent one is refused as a user would meet it: sign in again.
    const spent = temp.path("spent.json");
    writeFileSync(spent, readFileSync(file, "utf8").replace(after ?? "", before ?? ""));
    const again = await runMain(["token", "--env", spent, "--ca", temp.path("ca.pem")]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^error: ERR_SIGN_IN_AGAIN: IMS refused REFRESH_TOKEN \(HTTP 400 invalid_grant: "The refresh token has already been used\."\)/,
    );
  });
});
