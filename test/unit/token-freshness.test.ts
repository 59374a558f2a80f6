// The per-request question, storedTokenIsFresh: the stored expiry when it is the token's, else the expiry written inside the token.

import { describe, expect, it } from "vitest";
import {
  checkMarginAgainstLifetime,
  CLOCK_SKEW_MS,
  SAME_TOKEN_TOLERANCE_MS,
  storedTokenIsFresh,
} from "../../src/core/ims/token-freshness.js";

const NOW = Date.UTC(2026, 11, 2, 12);
const HOUR = 3_600_000;

/** An IMS-shaped token (created_at and expires_in in milliseconds, as strings); the signature is not read. */
function imsToken(createdAt: number, lifetime: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ type: "access_token", created_at: String(createdAt), expires_in: String(lifetime) })}.c2ln`;
}

const fresh = (variables: Record<string, string>) => storedTokenIsFresh((name) => variables[name], NOW);

describe("storedTokenIsFresh", () => {
  it("an opaque token is judged by ACCESS_TOKEN_EXPIRES_AT alone, with the margin", () => {
    expect(fresh({ ACCESS_TOKEN: "opaque", ACCESS_TOKEN_EXPIRES_AT: String(NOW + HOUR) })).toBe(true);
    expect(fresh({ ACCESS_TOKEN: "opaque", ACCESS_TOKEN_EXPIRES_AT: String(NOW + 5 * 60_000) })).toBe(false);
    expect(fresh({ ACCESS_TOKEN: "opaque" })).toBe(false);
    expect(fresh({ ACCESS_TOKEN: "", ACCESS_TOKEN_EXPIRES_AT: String(NOW + HOUR) })).toBe(false);
  });

  it("an IMS token with no stored expiry (another request stored it) is judged by its own", () => {
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW - HOUR, 24 * HOUR) })).toBe(true);
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW - 24 * HOUR, 24 * HOUR + 60_000) })).toBe(false);
  });

  it("a stored expiry that belongs to another token does not judge this one, either way", () => {
    // Yesterday's expiry, today's token: fresh.
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW - 60_000, 24 * HOUR), ACCESS_TOKEN_EXPIRES_AT: String(NOW - HOUR) })).toBe(true);
    // A far expiry left behind, a token that is about to expire: stale.
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW - 24 * HOUR + 60_000, 24 * HOUR), ACCESS_TOKEN_EXPIRES_AT: String(NOW + 20 * HOUR) })).toBe(
      false,
    );
  });

  it("our own stored expiry decides while it agrees with the token's, clocks apart by less than the tolerance", () => {
    const token = imsToken(NOW - HOUR, 2 * HOUR);
    const inside = NOW + HOUR;
    // This computer's clock 10 minutes behind IMS's: the stamped expiry is 10 minutes earlier, and it decides.
    expect(fresh({ ACCESS_TOKEN: token, ACCESS_TOKEN_EXPIRES_AT: String(inside - 10 * 60_000), TOKEN_MARGIN_MINUTES: "55" })).toBe(false);
    expect(fresh({ ACCESS_TOKEN: token, ACCESS_TOKEN_EXPIRES_AT: String(inside - 10 * 60_000), TOKEN_MARGIN_MINUTES: "45" })).toBe(true);
    expect(SAME_TOKEN_TOLERANCE_MS).toBeGreaterThan(10 * 60_000);
  });

  it("0, written after a 401, means stale even though the token's own expiry is far", () => {
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW, 24 * HOUR), ACCESS_TOKEN_EXPIRES_AT: "0" })).toBe(false);
  });

  it("an expiry written by IMS's clock keeps at least the clock skew allowance, whatever the margin", () => {
    const token = imsToken(NOW - 24 * HOUR + CLOCK_SKEW_MS - 60_000, 24 * HOUR);
    expect(fresh({ ACCESS_TOKEN: token, TOKEN_MARGIN_MINUTES: "0" })).toBe(false);
    expect(fresh({ ACCESS_TOKEN: imsToken(NOW, 24 * HOUR), TOKEN_MARGIN_MINUTES: "0" })).toBe(true);
  });
});

describe("TOKEN_MARGIN_MINUTES against the token's lifetime", () => {
  const check = (values: Record<string, string>, lifetimeMs: number) => () =>
    checkMarginAgainstLifetime((name) => values[name], lifetimeMs);

  it("a margin someone set that is not below the lifetime is ERR_INVALID_VARIABLE naming it, with the lifetime and the fix", () => {
    let caught: unknown;
    try {
      check({ TOKEN_MARGIN_MINUTES: "1440" }, 86_399_999)();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: "ERR_INVALID_VARIABLE",
      variable: "TOKEN_MARGIN_MINUTES",
      message: expect.stringMatching(
        /^TOKEN_MARGIN_MINUTES is 1440, but IMS's tokens for this credential live 1439 minutes.*Set it below 1439/,
      ),
    });
  });

  it("below the lifetime, or left empty (the default 10 minutes, whatever a short test token lives), it passes", () => {
    expect(check({ TOKEN_MARGIN_MINUTES: "1439" }, 86_399_999)).not.toThrow();
    expect(check({}, 5 * 60_000)).not.toThrow();
    expect(check({ TOKEN_MARGIN_MINUTES: " " }, 5 * 60_000)).not.toThrow();
  });
});
