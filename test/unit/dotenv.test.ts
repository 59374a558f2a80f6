// parseDotenv: the forms .env files take, and each refusal with its file, line and variable.

import { createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { parseDotenv } from "../../src/inputs/dotenv.js";
import { rsaKeyPems } from "../helpers/keys.js";

function failure(text: string): ImsAuthError {
  try {
    parseDotenv(text, "student.env");
  } catch (error) {
    expect(error).toBeInstanceOf(ImsAuthError);
    return error as ImsAuthError;
  }
  throw new Error("parseDotenv accepted the text");
}

describe("parseDotenv", () => {
  it.each([
    ["KEY=VALUE lines", "A=1\nB=two words\n", { A: "1", B: "two words" }],
    ["export, spaces around =", "export A=1\nB = 2\n  export  C=3", { A: "1", B: "2", C: "3" }],
    ["comments and blank lines", "# note\n\n  # indented note\nA=1 # trailing note\nB=x#y\n", { A: "1", B: "x#y" }],
    ["an empty value, = inside a value", "A=\nB=b=c==", { A: "", B: "b=c==" }],
    ["single quotes are literal", "A='x # y'\nB='a\\nb'", { A: "x # y", B: "a\\nb" }],
    ["double-quote escapes", 'A="a\\nb\\tc \\"q\\" \\\\ C:\\Users"', { A: 'a\nb\tc "q" \\ C:\\Users' }],
    ["a comment after a closing quote", "A=\"x\" # note\nB='y'   ", { A: "x", B: "y" }],
    ["CRLF and a BOM", '\uFEFFA=1\r\nB="2"\r\n', { A: "1", B: "2" }],
    ["a double-quoted value over lines", 'A="one\ntwo\r\nthree"\nB=4', { A: "one\ntwo\nthree", B: "4" }],
    ["a single-quoted value over lines", "A='one\ntwo'", { A: "one\ntwo" }],
  ])("reads %s", (_, text, expected) => {
    expect(Object.fromEntries(parseDotenv(text, "student.env"))).toEqual(expected);
  });

  it.each([
    ["LF", (pem: string) => pem],
    ["CRLF", (pem: string) => pem.replace(/\n/g, "\r\n")],
  ])("reads a PEM private key spread over lines between double quotes (%s file)", (_, lineEnds) => {
    const pem = rsaKeyPems().pkcs8.trim();
    const text = lineEnds(`API_KEY=abc\nPRIVATE_KEY="${pem}"\nIMS=ims-na1.adobelogin.com\n`);
    const values = parseDotenv(text, "student.env");
    expect(values.get("PRIVATE_KEY")).toBe(pem);
    expect(createPrivateKey(values.get("PRIVATE_KEY") ?? "").asymmetricKeyType).toBe("rsa");
    expect(values.get("IMS")).toBe("ims-na1.adobelogin.com");
  });

  it.each([
    ["a line without =", "A=1\nnot a line\n", /^student\.env:2: line 2 is not KEY=VALUE: it has no "="/, undefined],
    [
      "a bad variable name",
      "A=1\n\n1A=x",
      /^student\.env:3: line 3 is not KEY=VALUE: the text before "=" is not a variable name/,
      undefined,
    ],
    [
      "an unclosed double quote",
      'A=1\nB="abc\nC=2\n',
      /^student\.env:2: the double quote that opens the value of B on line 2 is never closed\. End the value with "/,
      "B",
    ],
    ["an unclosed single quote", "A='abc", /^student\.env:1: the single quote that opens the value of A on line 1 is never closed/, "A"],
    ["a duplicate key", "A=1\n\nA=2", /^student\.env:3: A is set twice, on line 1 and again on line 3\. Keep one/, "A"],
    ["a duplicate after a value over lines", 'K="a\nb\nc"\nK=1', /^student\.env:4: K is set twice, on line 1 and again on line 4/, "K"],
    ["text after the closing quote", 'A=1\nB="x" y', /^student\.env:2: B has text after its closing quote/, "B"],
    ["text after a closing quote on a later line", 'B="x\ny"z', /^student\.env:2: B has text after its closing quote/, "B"],
    [
      "an unquoted PEM key",
      "PRIVATE_KEY=-----BEGIN PRIVATE KEY-----\nMIIB\n",
      /^student\.env:1: PRIVATE_KEY starts a PEM key .* not quoted\. Put the whole key between double quotes/,
      "PRIVATE_KEY",
    ],
  ])("refuses %s with ERR_INPUT_FILE, the line and the variable", (_, text, message, variable) => {
    const error = failure(text);
    expect(error.code).toBe("ERR_INPUT_FILE");
    expect(error.message).toMatch(message);
    expect(error.variable).toBe(variable);
  });

  it.each([
    ['CLIENT_SECRET="p8e-SENTINEL42" trailing', 1],
    ["PRIVATE_KEY=\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCSENTINEL42", 2],
    ["PRIVATE_KEY=-----BEGIN PRIVATE KEY----- SENTINEL42", 1],
    ["A=1\nSENTINEL42+/xyz=", 2],
  ])("never quotes the text of a refused line (%#)", (text, line) => {
    const error = failure(text);
    expect(error.message).toContain(`student.env:${line}:`);
    expect(error.message).not.toContain("SENTINEL42");
  });
});
