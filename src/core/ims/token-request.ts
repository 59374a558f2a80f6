// What to ask IMS for a token, by flow, from the variables; and when a pasted token may be used. Shared by every host.

import { collect, optionalValue, requireValue } from "../config/checks.js";
import { ImsAuthError } from "../errors.js";
import { chooseFlow, type AuthFlow } from "../config/flow.js";
import { clockHint, isAemMetascopes, type IssuingFlow } from "./ims-response.js";
import { createJwtAssertion } from "../jws/jwt-assertion.js";
import { readJwtConfig, type JwtConfig } from "../config/jwt-config.js";
import { JWT_EXCHANGE_PATH, jwtExchangeForm } from "./jwt-exchange-form.js";
import { readS2sConfig, s2sTokenForm, TOKEN_V3_PATH } from "../config/s2s-config.js";
import { readUserConfig, SIGN_IN_HOW, USER_TOKEN_PATH, userTokenForm } from "../config/user-config.js";
import { accessTokenExpiry, CLOCK_SKEW_MS, marginMs } from "./token-freshness.js";
import type { VariableSource } from "../config/variables.js";

export interface TokenRequest {
  readonly flow: IssuingFlow;
  /** AEM service credentials (by their metascopes): IMS's refusals get hints that name the file's fields. */
  readonly aem?: boolean;
  /** https://{IMS}/ims/… */
  readonly url: string;
  /** x-www-form-urlencoded fields, secrets included: never log them. */
  readonly form: ReadonlyArray<readonly [string, string]>;
}

export type Prepared = { ok: true; request: TokenRequest } | { ok: false; problems: ImsAuthError[] };

/** How to get a token: use the pasted one as it is, or ask IMS with this request; or what stops both. */
export type TokenPlan =
  | { readonly ok: true; readonly flow: "token"; readonly accessToken: string; readonly expiresAt: number | undefined }
  | { readonly ok: true; readonly flow: IssuingFlow; readonly request: TokenRequest }
  | { readonly ok: false; readonly problems: ImsAuthError[] };

/** The flow chosen as the collection chooses it, then its checks: every host starts here. */
export function planToken(source: VariableSource, nowMs: number): TokenPlan {
  const problems: ImsAuthError[] = [];
  const flow = collect(problems, () => chooseFlow(source));
  if (flow === undefined) return { ok: false, problems };
  if (flow !== "token") {
    const prepared = prepareTokenRequest(flow, source, nowMs);
    return prepared.ok ? { ok: true, flow, request: prepared.request } : prepared;
  }
  const expiresAt = collect(problems, () => checkPastedToken(source, nowMs));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, flow, accessToken: requireValue(source, "ACCESS_TOKEN"), expiresAt };
}

/** Checks the variables of the flow and builds the request (signing the JWT for the JWT flow). */
export function prepareTokenRequest(flow: Exclude<AuthFlow, "token">, source: VariableSource, nowMs: number): Prepared {
  if (flow === "jwt") {
    const checked = readJwtConfig(source);
    if (!checked.ok) return checked;
    return jwtRequest(checked.value, createJwtAssertion(checked.value, nowMs));
  }
  if (flow === "user") {
    const checked = readUserConfig(source);
    if (!checked.ok) return checked;
    const expired = refreshTokenExpired(checked.value.refreshToken, nowMs);
    if (expired) return { ok: false, problems: [expired] };
    return { ok: true, request: { flow, url: `https://${checked.value.ims}${USER_TOKEN_PATH}`, form: userTokenForm(checked.value) } };
  }
  const checked = readS2sConfig(source);
  if (!checked.ok) return checked;
  return { ok: true, request: { flow, url: `https://${checked.value.ims}${TOKEN_V3_PATH}`, form: s2sTokenForm(checked.value) } };
}

/**
 * IMS writes a refresh token's expiry inside it (created_at + expires_in, as @adobe/aio-lib-ims reads it): one
 * that has expired by IMS's own account, with the clock allowance to spare, is not sent to be refused.
 */
function refreshTokenExpired(token: string, nowMs: number): ImsAuthError | undefined {
  const expiry = accessTokenExpiry(token);
  if (expiry === undefined || expiry + CLOCK_SKEW_MS > nowMs) return undefined;
  const when = new Date(expiry).toISOString().replace(/\.\d+Z$/, "Z");
  return new ImsAuthError(
    "ERR_SIGN_IN_AGAIN",
    `REFRESH_TOKEN expired at ${when} (a refresh token lasts 14 days from the sign-in or renewal that issued it). ${SIGN_IN_HOW} ` +
      `If you signed in recently, ${clockHint(nowMs).replace(/^This/, "this")}`,
    "REFRESH_TOKEN",
  );
}

/** The shapes a pasted token takes by mistake, each with what to do; the token itself is never quoted. */
function requirePastedShape(token: string): void {
  const wrong = /^bearer\s/i.test(token)
    ? 'starts with "Bearer ": paste the token alone (the collection adds Bearer itself)'
    : token.startsWith("{")
      ? "holds JSON (the whole answer of Get Local Development Token?): paste only the value of accessToken (or access_token)"
      : /\s/.test(token)
        ? "contains spaces or line breaks: paste the token alone, on one line"
        : undefined;
  if (wrong) throw new ImsAuthError("ERR_INVALID_VARIABLE", `ACCESS_TOKEN ${wrong}.`, "ACCESS_TOKEN");
}

function jwtRequest(config: JwtConfig, jwt: string): Prepared {
  const aem = isAemMetascopes(config.metascopes.join(","));
  return { ok: true, request: { flow: "jwt", url: `https://${config.ims}${JWT_EXCHANGE_PATH}`, form: jwtExchangeForm(config, jwt), aem } };
}

/**
 * A pasted token (e.g. AEM's local development token) cannot be renewed: usable while the expiry
 * written inside it (by IMS's clock) leaves more than the margin, and never less than CLOCK_SKEW_MS.
 * Returns that expiry (undefined when the token does not say), or throws ERR_TOKEN_EXPIRED saying
 * when it expired, what this computer's clock reads, and where to get another.
 */
export function checkPastedToken(source: VariableSource, nowMs: number): number | undefined {
  const token = requireValue(source, "ACCESS_TOKEN");
  requirePastedShape(token);
  const expiry = accessTokenExpiry(token);
  if (expiry === undefined) return undefined;
  const margin = Math.max(marginMs(source), CLOCK_SKEW_MS);
  if (expiry - nowMs > margin) return expiry;
  const when = new Date(expiry).toISOString().replace(/\.\d+Z$/, "Z");
  const state =
    expiry <= nowMs ? `expired at ${when}` : `expires at ${when}, within the ${Math.round(margin / 60_000)}-minute safety margin`;
  const renewable = optionalValue(source, "CLIENT_SECRET") !== "" ? "" : " There is no key or client secret to renew it.";
  throw new ImsAuthError(
    "ERR_TOKEN_EXPIRED",
    `ACCESS_TOKEN ${state}.${renewable} Get a new one (AEM: Developer Console → Integrations → Get Local Development Token; ` +
      `Adobe Developer Console: the credential's Generate access token) and paste it into ACCESS_TOKEN. If the token is new, ${clockHint(nowMs).replace(/^This/, "this")}`,
    "ACCESS_TOKEN",
  );
}
