// The shared exchange (core/token-exchange.ts) with a scripted transport and timer: retries, messages, one callback.

import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import type { IssuedToken } from "../../src/core/ims/ims-response.js";
import { exchangeToken, TOKEN_REQUEST_HEADERS, type TransportReply } from "../../src/core/ims/token-exchange.js";
import type { TokenRequest } from "../../src/core/ims/token-request.js";

const REQUEST: TokenRequest = {
  flow: "s2s",
  url: "https://ims.example.test:8443/ims/token/v3",
  form: [["grant_type", "client_credentials"]],
};
const OK: TransportReply = { status: 200, text: JSON.stringify({ access_token: "a.b.c", expires_in: 60 }) };

type Answer = TransportReply | { code?: string };

/** Runs an exchange whose transport answers `answers` in turn; records the timer's delays and every callback. */
function run(answers: Answer[]): { delays: number[]; calls: Array<{ error: unknown; token?: IssuedToken }>; sent: number } {
  const delays: number[] = [];
  const calls: Array<{ error: unknown; token?: IssuedToken }> = [];
  let sent = 0;
  exchangeToken(
    REQUEST,
    (request, callback) => {
      expect(request).toBe(REQUEST);
      const answer = answers[sent++];
      if (answer && "status" in answer) callback(null, answer);
      else callback(answer ?? {});
    },
    (next, delay) => {
      delays.push(delay);
      next();
    },
    (error, token) => calls.push({ error, token }),
  );
  return { delays, calls, sent };
}

describe("exchangeToken", () => {
  it("the form goes as x-www-form-urlencoded, JSON asked for", () => {
    expect(Object.fromEntries(TOKEN_REQUEST_HEADERS)).toEqual({
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    });
  });

  it("a first answer of 200: the token, one call, no wait", () => {
    const { delays, calls, sent } = run([OK]);
    expect(sent).toBe(1);
    expect(delays).toEqual([]);
    expect(calls).toEqual([{ error: undefined, token: { accessToken: "a.b.c", expiresAt: expect.any(Number) } }]);
  });

  it("503, network failure, 429 with Retry-After: retried with backoff and Retry-After, then the token", () => {
    const { delays, calls, sent } = run([
      { status: 503, text: "" },
      { code: "ECONNRESET" },
      { status: 429, text: "", retryAfter: "3" },
      OK,
    ]);
    expect(sent).toBe(4);
    expect(delays).toEqual([500, 1000, 3000]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.token?.accessToken).toBe("a.b.c");
  });

  it("a refusal is not retried; IMS's reason comes back coded", () => {
    const { calls, sent } = run([{ status: 400, text: JSON.stringify({ error: "invalid_scope", error_description: "no" }) }]);
    expect(sent).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.error).toBeInstanceOf(ImsAuthError);
    expect((calls[0]!.error as ImsAuthError).message).toMatch(
      /^IMS refused the token request \(HTTP 400 invalid_scope: "no"\)\. Check SCOPES/,
    );
  });

  it("unreachable four times: ERR_IMS_UNREACHABLE naming the host, the code and the attempts", () => {
    const { calls, sent } = run([{ code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }]);
    expect(sent).toBe(4);
    const error = calls[0]?.error as ImsAuthError;
    expect(error.code).toBe("ERR_IMS_UNREACHABLE");
    expect(error.message).toBe(
      "Could not reach IMS at ims.example.test:8443 (after 4 attempts): ECONNREFUSED. Check IMS and your network or proxy.",
    );
  });

  it("an untrusted TLS certificate: says how to trust it in each host", () => {
    const { calls } = run(Array.from({ length: 4 }, () => ({ code: "SELF_SIGNED_CERT_IN_CHAIN" })));
    expect((calls[0]!.error as ImsAuthError).message).toMatch(
      /TLS certificate is not trusted.*--ssl-extra-ca-certs.*--ca FILE.*NODE_EXTRA_CA_CERTS/,
    );
  });

  it("a 503 that lasts: IMS's answer, with the attempts", () => {
    const busy: TransportReply = { status: 503, text: JSON.stringify({ error: "server_error", error_description: "down" }) };
    const { calls } = run([busy, busy, busy, busy]);
    expect((calls[0]!.error as ImsAuthError).message).toMatch(
      /^IMS could not answer the token request \(HTTP 503 server_error: "down"\)\. .* \(after 4 attempts\)$/,
    );
  });
});
