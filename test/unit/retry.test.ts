import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "../../src/core/ims/retry.js";

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

describe("retryDelayMs", () => {
  it.each([
    ["503, first attempt: backoff", 1, 503, undefined, undefined, 500],
    ["502, second attempt: doubled", 2, 502, undefined, undefined, 1_000],
    ["429 with Retry-After seconds", 1, 429, "3", undefined, 3_000],
    ["429 with Retry-After as a date", 1, 429, new Date(NOW + 2_000).toUTCString(), undefined, 2_000],
    ["Retry-After is capped", 1, 503, "3600", undefined, 30_000],
    ["a connection reset may pass", 1, undefined, undefined, "ECONNRESET", 500],
    ["a timeout may pass", 2, undefined, undefined, "ETIMEDOUT", 1_000],
  ])("%s", (_name, attempts, status, retryAfter, code, expected) => {
    expect(retryDelayMs(attempts, status, retryAfter, NOW, code)).toBe(expected);
  });

  it.each([
    ["400 invalid_client", 1, 400, undefined],
    ["401", 1, 401, undefined],
    ["200", 1, 200, undefined],
    ["an untrusted certificate", 1, undefined, "SELF_SIGNED_CERT_IN_CHAIN"],
    ["an expired certificate", 1, undefined, "CERT_HAS_EXPIRED"],
    ["a host name that does not resolve", 1, undefined, "ENOTFOUND"],
    ["503 after the last attempt", MAX_ATTEMPTS, 503, undefined],
  ])("not retried: %s", (_name, attempts, status, code) => {
    expect(retryDelayMs(attempts, status, undefined, NOW, code)).toBeUndefined();
  });
});
