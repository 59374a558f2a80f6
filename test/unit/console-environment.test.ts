// readPostmanEnvironment: Developer Console's "Download for Postman" and other Postman environment exports.

import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { readPostmanEnvironment } from "../../src/inputs/console-environment.js";

const entry = (key: unknown, value: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  key,
  value,
  type: "text",
  enabled: true,
  ...extra,
});
const env = (values: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id: "0f1e", name: "My Project", values, _postman_variable_scope: "environment", ...extra }, null, 2);

/** The shape of Adobe's published templates for an OAuth Server-to-Server credential (values made up). */
const OAUTH_DOWNLOAD = env([
  entry("CLIENT_SECRET", "p8e-SENTINEL-SECRET", { type: "secret" }),
  entry("API_KEY", "0123abcd"),
  entry("SCOPES", "openid,AdobeID,read_organizations"),
  entry("ACCESS_TOKEN", "", { type: "default" }),
  entry("TECHNICAL_ACCOUNT_ID", "ABC@techacct.adobe.com"),
  entry("IMS", "ims-na1.adobelogin.com"),
  entry("IMS_ORG", "ABC@AdobeOrg"),
  entry("SANDBOX_NAME", "prod"),
]);

function failure(text: string): ImsAuthError {
  try {
    readPostmanEnvironment(text, "console.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ImsAuthError);
    return error as ImsAuthError;
  }
  throw new Error("readPostmanEnvironment accepted the file");
}

describe("readPostmanEnvironment", () => {
  it("keeps every key of a Developer Console download unchanged, in order", () => {
    const { name, values } = readPostmanEnvironment(OAUTH_DOWNLOAD, "console.json");
    expect(name).toBe("My Project");
    expect([...values]).toEqual([
      ["CLIENT_SECRET", "p8e-SENTINEL-SECRET"],
      ["API_KEY", "0123abcd"],
      ["SCOPES", "openid,AdobeID,read_organizations"],
      ["ACCESS_TOKEN", ""],
      ["TECHNICAL_ACCOUNT_ID", "ABC@techacct.adobe.com"],
      ["IMS", "ims-na1.adobelogin.com"],
      ["IMS_ORG", "ABC@AdobeOrg"],
      ["SANDBOX_NAME", "prod"],
    ]);
  });

  it.each([
    ["SCOPES as a JSON array", [entry("SCOPES", ["openid", "AdobeID"])], { SCOPES: "openid,AdobeID" }],
    ["SCOPES as JSON array text", [entry("SCOPES", '["openid", "AdobeID"]')], { SCOPES: "openid,AdobeID" }],
    [
      "META_SCOPE as a JSON array (JWT era, no PRIVATE_KEY)",
      [entry("META_SCOPE", ["ent_a", "ent_b"]), entry("API_KEY", "x")],
      { META_SCOPE: "ent_a,ent_b", API_KEY: "x" },
    ],
    ["text that only starts like a list", [entry("SCOPES", "[not json")], { SCOPES: "[not json" }],
    [
      "disabled entries, duplicates among them",
      [entry("A", "1", { enabled: false }), entry("A", "2"), entry("B", "3", { enabled: false })],
      { A: "2" },
    ],
    ["no enabled flag, no type", [{ key: "A", value: "1" }], { A: "1" }],
    ["types text, default and secret", [entry("A", "1", { type: "default" }), entry("B", "2", { type: "secret" })], { A: "1", B: "2" }],
    [
      "numbers, booleans, null and missing values",
      [entry("N", 42), entry("T", true), entry("Z", null), { key: "M" }],
      { N: "42", T: "true", Z: "", M: "" },
    ],
    ["an empty row", [entry("", ""), entry("A", "1")], { A: "1" }],
    ["keys with spaces, kept as they are", [entry(" Odd Key ", "v")], { " Odd Key ": "v" }],
  ])("reads %s", (_, values, expected) => {
    expect(Object.fromEntries(readPostmanEnvironment(env(values), "console.json").values)).toEqual(expected);
  });

  it("accepts a BOM and takes the file's name when the environment has none", () => {
    const { name, values } = readPostmanEnvironment(
      `\uFEFF${JSON.stringify({ values: [entry("A", "1")] })}`,
      "dir/My Project.postman_environment.json",
    );
    expect(name).toBe("My Project");
    expect(values.get("A")).toBe("1");
  });

  it.each([
    ["an empty file", "  \n", /^console\.json: it is empty\./, undefined],
    [
      "a .env file",
      "CLIENT_SECRET=p8e-SENTINEL-SECRET\n",
      /^console\.json: it is not JSON \(it does not start with \{\)\. In Adobe Developer Console/,
      undefined,
    ],
    [
      "JSON cut short",
      '{\n  "values": [\n    {"key": "CLIENT_SECRET", "value": "p8e-SENTINEL-SECRET"}',
      /^console\.json(:3:\d+)?: it is not valid JSON/,
      undefined,
    ],
    [
      "a bare secret in JSON",
      '{"values": [{"key": "CLIENT_SECRET", "value": p8e-SENTINEL-SECRET}]}',
      /^console\.json(:1:\d+)?: it is not valid JSON/,
      undefined,
    ],
    ["a list", "[]", /^console\.json: is not a Postman environment: it holds a list/, undefined],
    [
      "a collection",
      JSON.stringify({ info: { name: "c" }, item: [] }),
      /^console\.json: is a Postman collection, not an environment/,
      undefined,
    ],
    ["no values list", JSON.stringify({ name: "x", values: {} }), /^console\.json: has no "values" list/, undefined],
    ["an entry that is not an object", env([entry("A", "1"), "B=2"]), /^console\.json: values\[1\] is a string, not a variable/, undefined],
    [
      "a key that is not text",
      env([entry("A", "1"), entry(7, "x")]),
      /^console\.json: values\[1\] has a key that is a number: every variable needs its name as text/,
      undefined,
    ],
    ["an entry without a key", env([{ value: "p8e-SENTINEL-SECRET" }]), /^console\.json: values\[0\] has no key/, undefined],
    [
      "a value without a key",
      env([entry("", "p8e-SENTINEL-SECRET")]),
      /^console\.json: values\[0\] has a value but an empty key/,
      undefined,
    ],
    [
      "a duplicate key",
      env([entry("API_KEY", "a"), entry("IMS", "b"), entry("API_KEY", "c")]),
      /^console\.json: API_KEY is set twice \(lines 6 and 18\): delete one, or disable it\./,
      "API_KEY",
    ],
    [
      "an object value",
      env([entry("CLIENT_SECRET", { secret: "p8e-SENTINEL-SECRET" })]),
      /^console\.json: values\[0\] \(CLIENT_SECRET\) is an object, not text/,
      "CLIENT_SECRET",
    ],
    [
      "a list of numbers in SCOPES",
      env([entry("SCOPES", [1, 2])]),
      /^console\.json: values\[0\] \(SCOPES\) is a list: write SCOPES as text/,
      "SCOPES",
    ],
  ])("refuses %s with ERR_INPUT_FILE", (_, text, message, variable) => {
    const error = failure(text);
    expect(error.code).toBe("ERR_INPUT_FILE");
    expect(error.message).toMatch(message);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain("SENTINEL");
  });
});
