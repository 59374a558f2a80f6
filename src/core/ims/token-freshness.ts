// When the stored ACCESS_TOKEN is still good: its absolute expiry against now and a safety margin.

import { base64UrlToText } from "../crypto/base64url.js";
import { ImsAuthError } from "../errors.js";
import type { VariableSource } from "../config/variables.js";

/** Like Adobe's own IMS library: reuse a token only while at least 10 minutes remain. */
export const DEFAULT_MARGIN_MINUTES = 10;

/**
 * How far this computer's clock may be off IMS's without harm. ACCESS_TOKEN_EXPIRES_AT is stamped with
 * this computer's clock when the token arrives (now + expires_in), so an offset cancels out there; only
 * an expiry IMS wrote inside a token (a pasted one) meets both clocks, and it is judged with at least
 * this much margin, so a token is never used in the minutes it may already have expired.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Kept free of the variable catalogue on purpose: the per-request script includes this module. */
export function marginMs(source: VariableSource): number {
  const raw = source("TOKEN_MARGIN_MINUTES");
  const text = raw === undefined || raw === null ? "" : String(raw).trim();
  if (text === "") return DEFAULT_MARGIN_MINUTES * 60_000;
  const minutes = Number(text);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw new ImsAuthError(
      "ERR_INVALID_VARIABLE",
      `TOKEN_MARGIN_MINUTES is "${text}" but must be a number of minutes between 0 and 1440 (or empty for ${DEFAULT_MARGIN_MINUTES}).`,
      "TOKEN_MARGIN_MINUTES",
    );
  }
  return minutes * 60_000;
}

/**
 * How far apart ACCESS_TOKEN_EXPIRES_AT and the expiry IMS wrote inside ACCESS_TOKEN may be and still
 * belong to the same token: our scripts stamp the former with this computer's clock when the token
 * arrives, so the two differ by the clocks' offset and the network's delay. A token stored later by
 * someone else's request (Adobe's own collections write ACCESS_TOKEN alone) differs by far more.
 */
export const SAME_TOKEN_TOLERANCE_MS = 15 * 60_000;

/**
 * The per-request question: is there a token with more than the margin left? Cheap on purpose: three
 * variables and, for a JWT-shaped token, the expiry written inside it. That expiry decides when
 * ACCESS_TOKEN_EXPIRES_AT is missing or belongs to another token; "0" (set after a 401) always means stale.
 */
export function storedTokenIsFresh(source: VariableSource, nowMs: number): boolean {
  const token = source("ACCESS_TOKEN");
  if (typeof token !== "string" || token.trim() === "") return false;
  const stored = source("ACCESS_TOKEN_EXPIRES_AT");
  const expiresAt = Number(stored);
  const known = stored !== undefined && stored !== null && String(stored).trim() !== "" && Number.isFinite(expiresAt);
  if (known && expiresAt <= 0) return false;
  const inside = accessTokenExpiry(token.trim());
  if (inside !== undefined && (!known || Math.abs(inside - expiresAt) > SAME_TOKEN_TOLERANCE_MS)) {
    // IMS's clock wrote this expiry: judge it with at least the clock skew allowance, as a pasted token is.
    return inside - nowMs > Math.max(marginMs(source), CLOCK_SKEW_MS);
  }
  return known && expiresAt - nowMs > marginMs(source);
}

/** The claims of an IMS access token (a JWT); undefined for an opaque token. Nothing here checks its signature: IMS does. */
export function accessTokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  const text = base64UrlToText(payload);
  if (text === undefined) return undefined;
  try {
    const claims = JSON.parse(text) as unknown;
    return claims !== null && typeof claims === "object" ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The expiry written inside an IMS access token (a JWT whose payload has created_at and
 * expires_in, both milliseconds, often as strings); undefined when the token does not say.
 */
export function accessTokenExpiry(token: string): number | undefined {
  const claims = accessTokenClaims(token);
  const created = Number(claims?.created_at);
  const lifetime = Number(claims?.expires_in);
  return Number.isFinite(created) && Number.isFinite(lifetime) && created > 0 && lifetime > 0 ? created + lifetime : undefined;
}

/**
 * A margin as long as the token's whole life renews it before every request: a named error instead, once the
 * lifetime is known (from IMS's answer, or the expires_in written inside a stored token).
 */
export function checkMarginAgainstLifetime(source: VariableSource, lifetimeMs: number): void {
  // Only a margin someone set: the default is far below the 24 hours IMS gives (a shorter token renews early, as it must).
  if (String(source("TOKEN_MARGIN_MINUTES") ?? "").trim() === "") return;
  const margin = marginMs(source);
  if (!(lifetimeMs > 0) || margin < lifetimeMs) return;
  const minutes = Math.floor(lifetimeMs / 60_000);
  throw new ImsAuthError(
    "ERR_INVALID_VARIABLE",
    `TOKEN_MARGIN_MINUTES is ${margin / 60_000}, but IMS's tokens for this credential live ${minutes} minutes: with that margin every ` +
      `request would get a new token. Set it below ${minutes} (for example ${DEFAULT_MARGIN_MINUTES}), or leave it empty.`,
    "TOKEN_MARGIN_MINUTES",
  );
}
