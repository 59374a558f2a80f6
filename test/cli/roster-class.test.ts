// roster for a real class: class-wide values (--set, --dotenv), the columns users need, and an Excel-saved CSV.

import { readdirSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readJson, tempDir, type EnvironmentJson } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";

const temp = tempDir("cli-roster-class");
afterAll(() => temp.remove());

const FAKE_SECRET = "fake-class-secret-5b1e";
const value = (env: EnvironmentJson, key: string) => env.values.find((entry) => entry.key === key)?.value;

describe("roster with class-wide values", () => {
  it("--set and --dotenv give every student IMS_ORG and SCOPES; a student's own cell wins; required values may come from the class", async () => {
    writeFileSync(temp.path("class.csv"), "name,API_KEY,CLIENT_SECRET,SCOPES\nAna,0123abcd,fake-a,\nBen,4567efgh,fake-b,openid\n");
    writeFileSync(temp.path("class.env"), "IMS_ORG=0123456789ABCDEF01234567@AdobeOrg\nSCOPES=openid,AdobeID\n");
    const result = await runMain(
      [
        "roster",
        "class.csv",
        "-o",
        "out",
        "--template",
        "oauth-s2s",
        "--dotenv",
        "class.env",
        "--set",
        "AUTH_FLOW=oauth-s2s",
        "--set",
        "CLIENT_SECRET",
      ],
      {
        cwd: temp.dir,
        env: { CLIENT_SECRET: FAKE_SECRET },
      },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const ana = readJson<EnvironmentJson>(temp.path("out", "Ana.postman_environment.json"));
    const ben = readJson<EnvironmentJson>(temp.path("out", "Ben.postman_environment.json"));
    expect([value(ana, "IMS_ORG"), value(ben, "IMS_ORG")]).toEqual([
      "0123456789ABCDEF01234567@AdobeOrg",
      "0123456789ABCDEF01234567@AdobeOrg",
    ]);
    expect([value(ana, "SCOPES"), value(ben, "SCOPES")]).toEqual(["openid,AdobeID", "openid"]);
    expect([value(ana, "CLIENT_SECRET"), value(ben, "AUTH_FLOW")]).toEqual(["fake-a", "oauth-s2s"]);
    expect(result.stdout + result.stderr).not.toContain(FAKE_SECRET);
  });

  it("a required variable with no column is fine when a class-wide value gives it", async () => {
    writeFileSync(temp.path("names.csv"), "name,API_KEY\nAna,0123abcd\n");
    const result = await runMain(["roster", "names.csv", "-o", "out2", "--set", "CLIENT_SECRET=fake-shared"], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(value(readJson<EnvironmentJson>(temp.path("out2", "Ana.postman_environment.json")), "CLIENT_SECRET")).toBe("fake-shared");
  });

  it("accepts PRIVATE_KEY_PASSPHRASE, AUTH_FLOW and CERTIFICATE columns", async () => {
    writeFileSync(
      temp.path("jwt.csv"),
      "name,API_KEY,CLIENT_SECRET,PRIVATE_KEY_PASSPHRASE,AUTH_FLOW,CERTIFICATE\nAna,0123abcd,fake-a,fake-pass,jwt,-----BEGIN CERTIFICATE-----\n",
    );
    const result = await runMain(["roster", "jwt.csv", "-o", "out3"], { cwd: temp.dir });
    expect(result.stderr).toBe("");
    const ana = readJson<EnvironmentJson>(temp.path("out3", "Ana.postman_environment.json"));
    expect([value(ana, "PRIVATE_KEY_PASSPHRASE"), value(ana, "AUTH_FLOW"), value(ana, "CERTIFICATE")]).toEqual([
      "fake-pass",
      "jwt",
      "-----BEGIN CERTIFICATE-----",
    ]);
    expect(ana.values.find((entry) => entry.key === "PRIVATE_KEY_PASSPHRASE")?.type).toBe("secret");
  });

  it("an unknown class-wide name is refused with the close one", async () => {
    const result = await runMain(["roster", "names.csv", "-o", "out4", "--set", "ims_org=x"], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: ERR_INVALID_OPTION: ims_org=…: ims_org is not a variable the collection reads: did you mean IMS_ORG\?/,
    );
  });
});

describe("a CSV saved by Excel where the list separator is ';' (BOM, CRLF, semicolons)", () => {
  const excel = "\uFEFFname;API_KEY;CLIENT_SECRET\r\nAna;0123abcd;fake-a\r\nBen;4567efgh;fake-b\r\n";

  it("is refused with a hint naming the separator and --separator, nothing written, no cell quoted", async () => {
    writeFileSync(temp.path("excel.csv"), excel);
    const result = await runMain(["roster", "excel.csv", "-o", "excel-out"], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: ERR_ROSTER: excel\.csv: 1 problem; nothing was written\nexcel\.csv:1: the header is one column\. Its fields seem to be separated by ";", not ","/,
    );
    expect(result.stderr).toContain('give --separator ";"');
    expect(result.stderr).not.toContain("fake-a");
  });

  it("is read with --separator ';'", async () => {
    const result = await runMain(["roster", "excel.csv", "-o", "excel-out", "--separator", ";"], { cwd: temp.dir });
    expect(result.stderr).toBe("");
    expect(readdirSync(temp.path("excel-out")).sort()).toEqual(["Ana.postman_environment.json", "Ben.postman_environment.json"]);
    expect(value(readJson<EnvironmentJson>(temp.path("excel-out", "Ben.postman_environment.json")), "CLIENT_SECRET")).toBe("fake-b");
  });
});
