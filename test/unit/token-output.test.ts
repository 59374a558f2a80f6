// `token --format env-var`: options a later Newman or Postman CLI run takes as they are, word-split by the shell.

import { describe, expect, it } from "vitest";
import { isImsAuthError } from "../../src/core/errors.js";
import { formatToken } from "../../src/node/token/token-output.js";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6IjEifQ.c2lnbmF0dXJl-_x";

describe("--format env-var", () => {
  it("the token, its expiry and AUTH_FLOW=token, as --env-var options on one line", () => {
    expect(formatToken({ accessToken: TOKEN, expiresAt: 1767312000000, flow: "s2s" }, "env-var")).toBe(
      `--env-var ACCESS_TOKEN=${TOKEN} --env-var ACCESS_TOKEN_EXPIRES_AT=1767312000000 --env-var AUTH_FLOW=token`,
    );
  });

  it("a pasted token that does not say when it expires: no expiry option", () => {
    expect(formatToken({ accessToken: TOKEN, expiresAt: undefined, flow: "token" }, "env-var")).toBe(
      `--env-var ACCESS_TOKEN=${TOKEN} --env-var AUTH_FLOW=token`,
    );
  });

  it("a token the shell would split or glob is refused, not printed", () => {
    let error: unknown;
    try {
      formatToken({ accessToken: "abc def*", expiresAt: undefined, flow: "token" }, "env-var");
    } catch (caught) {
      error = caught;
    }
    expect(isImsAuthError(error) && [error.code, error.variable]).toEqual(["ERR_INVALID_VARIABLE", "ACCESS_TOKEN"]);
    expect(String((error as Error).message)).not.toContain("abc def");
  });
});
