// Checks a JWT assertion as Adobe IMS does at /ims/exchange/jwt, with Node's crypto (independent of jsrsasign).

import { createPublicKey, verify } from "node:crypto";
import type { Integration } from "./integration.js";

export interface ImsError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/**
 * How far ahead `exp` may be. No Adobe document states a bound; Adobe's own IMS collection has signed
 * `exp = now + 87000` (24 h 10 min) since 2019 and real IMS accepts it, so that is the emulator's limit.
 */
export const MAX_EXP_AHEAD_SECONDS = 87_000;
/** Clock difference forgiven on both sides of the window: the 30 s Adobe's AEM client library documents. */
export const CLOCK_SKEW_SECONDS = 30;

function fail(status: number, error: string, description: string): ImsError {
  return { status, error, description };
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const header = decodePart(h);
  const claims = decodePart(p);
  if (!header || !claims) return undefined;
  return { header, claims, signingInput: `${h}.${p}`, signature: Buffer.from(s, "base64url") };
}

/** The metascope names a JWT claims for this IMS host: `"https://{host}/s/{name}": true`. */
export function claimedMetascopes(claims: Record<string, unknown>, host: string): string[] {
  const prefix = `https://${host}/s/`;
  return Object.keys(claims)
    .filter((key) => key.startsWith(prefix) && claims[key] === true)
    .map((key) => key.slice(prefix.length));
}

/** Verifies signature, exp, iss, sub, aud and metascopes; returns IMS's error for the first failure. */
export function checkAssertion(token: string, integration: Integration, host: string, nowMs: number): ImsError | DecodedJwt {
  const jwt = decodeJwt(token);
  if (!jwt) return fail(400, "invalid_token", "JWT token is incorrectly formatted, and can not be decoded.");
  if (jwt.header.alg !== "RS256") return fail(400, "invalid_token", `Unsupported JWT algorithm ${String(jwt.header.alg)}.`);
  const publicKey = integration.publicKeyPem;
  const signed = publicKey !== undefined && verify("sha256", Buffer.from(jwt.signingInput), createPublicKey(publicKey), jwt.signature);
  if (!signed) return fail(400, "invalid_token", "Could not match JWT signature to any of the bindings");

  const { exp, iss, sub, aud } = jwt.claims;
  if (typeof exp !== "number" || !Number.isInteger(exp)) return fail(400, "bad_request", "exp must be an integer number of seconds.");
  const now = Math.floor(nowMs / 1000);
  if (exp <= now - CLOCK_SKEW_SECONDS) return fail(400, "invalid_token", "JWT token is expired.");
  if (exp > now + MAX_EXP_AHEAD_SECONDS + CLOCK_SKEW_SECONDS) {
    return fail(400, "invalid_token", `JWT token expiry is more than 24 hours ahead (the limit is ${MAX_EXP_AHEAD_SECONDS} seconds).`);
  }
  if (typeof iss !== "string" || !iss.endsWith("@AdobeOrg"))
    return fail(400, "bad_request", "iss must be an organization ID (…@AdobeOrg).");
  if (typeof sub !== "string" || !sub.endsWith("@techacct.adobe.com")) {
    return fail(400, "bad_request", "sub must be a technical account ID (…@techacct.adobe.com).");
  }
  if (iss !== integration.orgId) return fail(400, "invalid_token", "The JWT issuer is not the organization of this integration.");
  if (sub !== integration.technicalAccountId)
    return fail(400, "invalid_token", "The JWT subject is not the technical account of this integration.");
  if (aud !== `https://${host}/c/${integration.clientId}`) return fail(400, "invalid_client", "The JWT audience does not match client_id.");

  const metascopes = claimedMetascopes(jwt.claims, host);
  if (metascopes.length === 0 || !metascopes.every((name) => integration.metascopes.includes(name))) {
    return fail(400, "invalid_scope", "The metascopes in the JWT are not a subset of the metascopes in the binding.");
  }
  return jwt;
}
