// readRoster and writeRoster: a CSV roster checked whole, every problem with its line, and all-or-nothing writes.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { templateByFile } from "../../src/generator/environment/environments.js";
import { readRoster, writeRoster } from "../../src/roster/roster.js";
import { rsaKeyPems } from "../helpers/keys.js";

const template = templateByFile("workshop.postman_environment.json");
const required = ["API_KEY", "CLIENT_SECRET", "IMS_ORG", "TECHNICAL_ACCOUNT_ID", "META_SCOPE", "PRIVATE_KEY"];
const options = { template, required };
const HEADER = ["name", ...required, "IMS"];
const PEM = rsaKeyPems().pkcs8.trim();

/** One CSV field, quoted when it must be (RFC 4180). */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][], eol = "\n"): string => rows.map((row) => row.map(field).join(",")).join(eol) + eol;
const student = (name: string, overrides: Partial<Record<string, string>> = {}): string[] => {
  const values: Record<string, string> = {
    name,
    API_KEY: `key-${name.length}`,
    CLIENT_SECRET: "p8e-SENTINEL-SECRET",
    IMS_ORG: "0123456789ABCDEF01234567@AdobeOrg",
    TECHNICAL_ACCOUNT_ID: "0123456789ABCDEF01234567@techacct.adobe.com",
    META_SCOPE: "ent_dataservices_sdk",
    PRIVATE_KEY: PEM,
    IMS: "",
    ...overrides,
  };
  return HEADER.map((column) => values[column] ?? "");
};

function failure(text: string): ImsAuthError {
  try {
    readRoster(text, "roster.csv", options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImsAuthError);
    return error as ImsAuthError;
  }
  throw new Error("readRoster accepted the roster");
}

describe("readRoster", () => {
  it.each([
    ["LF", "\n", ""],
    ["CRLF with a BOM", "\r\n", "\uFEFF"],
    ["CR", "\r", ""],
  ])("builds one environment per student, a PEM key in a cell (%s)", (_, eol, bom) => {
    const text = bom + csv([HEADER, student("Alice Martin"), student("José García", { IMS: "ims-eu1.adobelogin.com" })], eol);
    const entries = readRoster(text, "roster.csv", options);
    expect(entries.map(({ name, file }) => ({ name, file }))).toEqual([
      { name: "Alice Martin", file: "Alice-Martin.postman_environment.json" },
      { name: "José García", file: "Jose-Garcia.postman_environment.json" },
    ]);
    const [alice, jose] = entries.map((entry) => Object.fromEntries(entry.environment.values.map((value) => [value.key, value])));
    expect(entries[0]?.environment.name).toBe("Adobe IMS workshop (Alice Martin)");
    expect(alice?.PRIVATE_KEY).toMatchObject({ value: PEM, type: "secret" });
    expect(alice?.CLIENT_SECRET).toMatchObject({ value: "p8e-SENTINEL-SECRET", type: "secret" });
    expect(alice?.API_KEY).toMatchObject({ value: "key-12", type: "default" });
    expect(alice?.IMS?.value).toBe("ims-na1.adobelogin.com"); // an empty cell keeps the template's default
    expect(jose?.IMS?.value).toBe("ims-eu1.adobelogin.com");
    expect(entries[0]?.environment.id).not.toBe(entries[1]?.environment.id);
  });

  it.each([
    ['Smith, "Jo"', "Smith-Jo"],
    ["  o'brien pat  ", "o-brien-pat"],
    ["../../etc/passwd", "etc-passwd"],
    [".hidden", "hidden"],
    ["NUL", "NUL_"],
    ["a_b.c-d", "a_b.c-d"],
  ])("sanitises the name %j to the file %s", (name, stem) => {
    const [entry] = readRoster(csv([HEADER, student(name)]), "roster.csv", options);
    expect(entry?.file).toBe(`${stem}.postman_environment.json`);
    expect(entry?.name).toBe(name.trim());
  });

  it("skips blank lines and lets optional columns be left out", () => {
    const text = `name,${required.join(",")}\n\n${student("bob").slice(0, 7).map(field).join(",")}\n\n`;
    expect(readRoster(text, "roster.csv", options).map((entry) => entry.name)).toEqual(["bob"]);
  });

  // Rows 2 and 3 hold a PEM key over many lines, so later rows start well below line 4.
  const pemLines = PEM.split("\n").length;
  const row4 = 2 + 2 * pemLines;
  it.each([
    [
      "an unknown column",
      csv([
        [...HEADER, "FOO"],
        [...student("a"), "x"],
      ]),
      [`roster.csv:1: unknown column "FOO": rename it to one of name, CLIENT_SECRET`],
    ],
    [
      "a column in the wrong case",
      csv([HEADER.map((c) => (c === "API_KEY" ? "api_key" : c)), student("a")]),
      [
        'roster.csv:1: unknown column "api_key": rename it API_KEY (variable names are case-sensitive)',
        "roster.csv:1: the header has no API_KEY column",
      ],
    ],
    [
      "a duplicate column",
      csv([
        [...HEADER, "IMS"],
        [...student("a"), ""],
      ]),
      ["roster.csv:1: column IMS appears twice in the header (columns 8 and 9)"],
    ],
    ["no name column", csv([HEADER.slice(1), student("a").slice(1)]), ['roster.csv:1: the header has no "name" column']],
    [
      "a missing required value",
      csv([HEADER, student("a"), student("b"), student("c", { IMS_ORG: " " })]),
      [`roster.csv:${row4}: IMS_ORG is empty for "c": fill it in. IMS_ORG: Organization ID`],
    ],
    [
      "a duplicate name after sanitising",
      csv([HEADER, student("Alice"), student("b"), student("alice ")]),
      [`roster.csv:${row4}: lines 2 and ${row4} both make the file alice.postman_environment.json (names "Alice" and "alice")`],
    ],
    [
      "a short row",
      csv([HEADER, student("a"), student("b"), student("c").slice(0, 5)]),
      [`roster.csv:${row4}: this row has 5 fields but the header has 8 columns`],
    ],
    ["an empty name", csv([HEADER, student("")]), ["roster.csv:2: name is empty: give every student a name"]],
    [
      "a name with nothing usable",
      csv([HEADER, student("李")]),
      ['roster.csv:2: the name "李" has no letters or digits that can go in a file name'],
    ],
    [
      "a placeholder",
      csv([HEADER, student("a", { IMS_ORG: "<your org>", CLIENT_SECRET: "{{CLIENT_SECRET}}" })]),
      [
        'roster.csv:2: CLIENT_SECRET for "a" still holds a placeholder:',
        'roster.csv:2: IMS_ORG for "a" still holds the placeholder <your org>',
      ],
    ],
    [
      "an unclosed quote",
      `${csv([HEADER, student("a")])}b,"x,y\n`,
      [`roster.csv:${2 + pemLines}: the quote that opens field 2 on line ${2 + pemLines} is never closed`],
    ],
    [
      "text after a closing quote",
      `${csv([HEADER])}"b"c,${student("b").slice(1).map(field).join(",")}\n`,
      ["roster.csv:2: field 1 has text after its closing quote"],
    ],
    [
      "a missing header line",
      csv([student("a"), student("b")]),
      ["roster.csv:1: the first line names none of the columns we know: it must be the header (name,CLIENT_SECRET,API_KEY,"],
    ],
    ["an empty file", "\uFEFF\r\n", ["roster.csv:1: the roster is empty"]],
    ["a header without students", csv([HEADER]), ["roster.csv:2: the roster has a header but no students"]],
  ])("refuses %s with ERR_ROSTER and the line", (_, text, expected) => {
    const error = failure(text);
    expect(error.code).toBe("ERR_ROSTER");
    const [summary, ...lines] = error.message.split("\n");
    expect(summary).toBe(`roster.csv: ${expected.length === 1 ? "1 problem" : `${expected.length} problems`}; nothing was written`);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((start, index) => {
      expect(lines[index]?.startsWith(start), `${lines[index]} starts with ${start}`).toBe(true);
    });
  });

  it("reports every problem at once, in line order, one per line, without quoting a secret", () => {
    const text = csv([[...HEADER, "FOO"], [...student("a", { API_KEY: "" }), ""], [...student("b").slice(0, 3)], [...student("A"), ""]]);
    const error = failure(text);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("roster.csv: 4 problems; nothing was written");
    expect(lines.slice(1).map((line) => line.split(":")[1])).toEqual(["1", String(2), String(2 + pemLines), String(3 + pemLines)]);
    expect(error.message).not.toContain("SENTINEL");
    expect(error.message).not.toContain("PRIVATE KEY-----");
  });

  it("does not quote a headerless first row, which holds a student's secrets", () => {
    expect(failure(csv([student("a"), student("b")])).message).not.toContain("SENTINEL");
  });
});

describe("writeRoster", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "roster-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const good = (): string => csv([HEADER, student("alice"), student("bob")]);

  it("writes one file per student, readable by its owner only", () => {
    const entries = readRoster(good(), "roster.csv", options);
    const out = join(dir, "out");
    expect(writeRoster(entries, out)).toEqual([join(out, "alice.postman_environment.json"), join(out, "bob.postman_environment.json")]);
    const alice = JSON.parse(readFileSync(join(out, "alice.postman_environment.json"), "utf8"));
    expect(alice).toEqual(entries[0]?.environment);
    if (process.platform !== "win32") expect(statSync(join(out, "alice.postman_environment.json")).mode & 0o777).toBe(0o600);
  });

  it("writes nothing when any row is bad", () => {
    const bad = csv([HEADER, student("alice"), student("bob", { API_KEY: "" })]);
    expect(() => writeRoster(readRoster(bad, "roster.csv", options), dir)).toThrow(ImsAuthError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses to overwrite, checking every target before writing any", () => {
    writeFileSync(join(dir, "bob.postman_environment.json"), "mine");
    const entries = readRoster(good(), "roster.csv", options);
    let caught: unknown;
    try {
      writeRoster(entries, dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImsAuthError);
    expect((caught as ImsAuthError).code).toBe("ERR_OUTPUT_EXISTS");
    expect((caught as ImsAuthError).message).toMatch(
      /1 file already exists; nothing was written\..*\n {2}.*bob\.postman_environment\.json$/,
    );
    expect(readdirSync(dir)).toEqual(["bob.postman_environment.json"]);
    expect(readFileSync(join(dir, "bob.postman_environment.json"), "utf8")).toBe("mine");
  });

  it("overwrites with force", () => {
    writeFileSync(join(dir, "bob.postman_environment.json"), "mine");
    writeRoster(readRoster(good(), "roster.csv", options), dir, { force: true });
    expect(readdirSync(dir).sort()).toEqual(["alice.postman_environment.json", "bob.postman_environment.json"]);
    expect(JSON.parse(readFileSync(join(dir, "bob.postman_environment.json"), "utf8")).name).toBe("Adobe IMS workshop (bob)");
  });

  it.each(["../escape.json", "sub/x.json", ".hidden"])("refuses the unsafe file name %j", (file) => {
    const [entry] = readRoster(good(), "roster.csv", options);
    expect(() => writeRoster([{ file, environment: entry!.environment }], dir)).toThrow(/not a plain, safe file name/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
