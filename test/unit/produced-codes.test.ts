// The recorder behind the error-code check (test/helpers/produced-codes.ts): what counts as a code a test saw produced.

import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { codesCarried, codesNamed } from "../helpers/produced-codes.js";

describe("codes named by an expectation", () => {
  it("are found in strings, regular expressions, objects and asymmetric matchers", () => {
    const named = codesNamed([
      "ERR_USAGE",
      /^error: ERR_OUTPUT_EXISTS: /,
      { code: "ERR_MISSING_VARIABLE" },
      expect.objectContaining({ code: "WARN_JWT_END_OF_LIFE" }),
    ]);
    expect([...named].sort()).toEqual(["ERR_MISSING_VARIABLE", "ERR_OUTPUT_EXISTS", "ERR_USAGE", "WARN_JWT_END_OF_LIFE"]);
  });
});

describe("codes carried by a subject", () => {
  it("an error's code, a problem's code, a code read from one, a code printed as CODE: message", () => {
    expect([...codesCarried(new ImsAuthError("ERR_PRIVATE_KEY_FORMAT", "PRIVATE_KEY is not a PEM key"))]).toEqual([
      "ERR_PRIVATE_KEY_FORMAT",
    ]);
    expect([...codesCarried({ problems: [{ code: "ERR_INVALID_VARIABLE", variable: "IMS" }] })]).toEqual(["ERR_INVALID_VARIABLE"]);
    expect([...codesCarried("ERR_TOKEN_EXPIRED")]).toEqual(["ERR_TOKEN_EXPIRED"]);
    expect([...codesCarried('error: ERR_USAGE: unknown command "x"\n')]).toEqual(["ERR_USAGE"]);
  });

  it("not a text that only names a code: a table cell, a quoted name, a script's source", () => {
    expect([...codesCarried("| `ERR_USAGE` | the command line is wrong |")]).toEqual([]);
    expect([...codesCarried('throw new e("ERR_MISSING_VARIABLE",t)')]).toEqual([]);
    expect([...codesCarried({ text: "see ERR_USAGE in the table" })]).toEqual([]);
  });
});
