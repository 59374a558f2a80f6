// `roster` as an instructor runs it: one environment per student, or nothing and every problem with its line.

import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { environmentRoundTripProblems, readJson, tempDir, type EnvironmentJson } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";

const temp = tempDir("cli-roster");
afterAll(() => temp.remove());

const SECRET = "p8e-ROSTER-TEST-ONLY";

function roster(name: string, lines: string[]): string {
  const file = temp.path(name);
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

describe("roster", () => {
  it("writes one environment per student, named after them, secrets typed secret, owner-only", async () => {
    const csv = roster("class.csv", [
      "name,API_KEY,CLIENT_SECRET,SCOPES,IMS_ORG",
      `Ana Lima,key-ana,${SECRET}-1,"openid,AdobeID",ORG@AdobeOrg`,
      `José García,key-jose,${SECRET}-2,"openid,AdobeID",ORG@AdobeOrg`,
      `Kim,key-kim,${SECRET}-3,openid,ORG@AdobeOrg`,
    ]);
    const result = await runMain(["roster", csv, "-o", temp.path("class"), "--template", "oauth-s2s"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote 3 environments in .*class, one per student/);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(readdirSync(temp.path("class")).sort()).toEqual([
      "Ana-Lima.postman_environment.json",
      "Jose-Garcia.postman_environment.json",
      "Kim.postman_environment.json",
    ]);
    const jose = readJson<EnvironmentJson>(temp.path("class", "Jose-Garcia.postman_environment.json"));
    expect(jose.name).toBe("Adobe IMS OAuth Server-to-Server (José García)");
    expect(jose.values.find((value) => value.key === "CLIENT_SECRET")).toMatchObject({ value: `${SECRET}-2`, type: "secret" });
    expect(jose.values.find((value) => value.key === "SCOPES")).toMatchObject({ value: "openid,AdobeID", type: "default" });
    expect(environmentRoundTripProblems(jose)).toEqual([]);
    expect(statSync(temp.path("class", "Kim.postman_environment.json")).mode & 0o777).toBe(0o600);
  });

  it("a missing required value, a duplicate name and an unknown column: every problem with its line number, and nothing written", async () => {
    const csv = roster("bad.csv", [
      "name,API_KEY,CLIENT_SECRET,Sandbox",
      `Ana,key-ana,${SECRET},prod`,
      "Ben,key-ben,,prod",
      `Ana,key-ana2,${SECRET},dev`,
    ]);
    const result = await runMain(["roster", csv, "-o", temp.path("bad")]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^error: ERR_ROSTER: .*bad\.csv: 3 problems; nothing was written$/);
    expect(lines[1]).toMatch(/bad\.csv:1: unknown column "Sandbox": /);
    expect(lines[2]).toMatch(/bad\.csv:3: CLIENT_SECRET is empty for "Ben"/);
    expect(lines[3]).toMatch(/bad\.csv:4: lines 2 and 4 both make the file Ana\.postman_environment\.json/);
    expect(result.stderr).not.toContain(SECRET);
    expect(existsSync(temp.path("bad"))).toBe(false);
  });

  it("--require changes what every student must have", async () => {
    const csv = roster("partial.csv", ["name,API_KEY", "Ana,key-ana"]);
    const refused = await runMain(["roster", csv, "-o", temp.path("partial")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/partial\.csv:1: the header has no CLIENT_SECRET column/);
    const accepted = await runMain(["roster", csv, "-o", temp.path("partial"), "--require", "API_KEY"]);
    expect(accepted.code).toBe(0);
    const unknown = await runMain(["roster", csv, "-o", temp.path("partial2"), "--require", "AEM_HOST"]);
    expect(unknown.stderr).toMatch(/^error: ERR_INVALID_OPTION: AEM_HOST is not in the workshop template/);
  });

  it("refuses to overwrite students' files unless --force", async () => {
    const csv = roster("again.csv", ["name,API_KEY,CLIENT_SECRET", `Ana,key-ana,${SECRET}`]);
    expect((await runMain(["roster", csv, "-o", temp.path("again")])).code).toBe(0);
    const refused = await runMain(["roster", csv, "-o", temp.path("again")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: ERR_OUTPUT_EXISTS: .*again: 1 file already exists; nothing was written/);
    expect((await runMain(["roster", csv, "-o", temp.path("again"), "--force"])).code).toBe(0);
  });

  it.each([
    ["no roster file", ["-o", "out"], /^error: ERR_USAGE: name the roster file \(CSV\)/],
    ["no output directory", ["class.csv"], /^error: ERR_USAGE: say where to write the environments: -o DIR/],
    ["a missing roster file", ["nope.csv", "-o", "out"], /^error: ERR_INPUT_FILE: nope\.csv \(the class roster\) does not exist/],
  ])("refuses %s", async (_name, args, message) => {
    const result = await runMain(["roster", ...args], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
