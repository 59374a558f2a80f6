// What to ask IMS for a token, by flow, from the variables; and when a pasted token may be used. Shared by every host.

import { optionalValue, requireValue } from "./checks.js";
import { ImsAuthError } from "./errors.js";
import type { AuthFlow } from "./flow.js";
import type { Flow } from "./ims-response.js";
import { createJwtAssertion, createJwtAssertionAsync } from "./jwt-assertion.js";
import { readJwtConfig, type JwtConfig } from "./jwt-config.js";
import { JWT_EXCHANGE_PATH, jwtExchangeForm } from "./jwt-exchange.js";
import { readS2sConfig, s2sTokenForm, TOKEN_V3_PATH } from "./s2s-config.js";
import { accessTokenExpiry, marginMs } from "./token-cache.js";
import type { VariableSource } from "./variables.js";
import type { Rs256Subtle } from "./webcrypto.js";

export interface TokenRequest {
  readonly flow: Flow;
  /** https://{IMS}/ims/… */
  readonly url: string;
  /** x-www-form-urlencoded fields, secrets included: never log them. */
  readonly form: ReadonlyArray<readonly [string, string]>;
}

export type Prepared = { ok: true; request: TokenRequest } | { ok: false; problems: ImsAuthError[] };

/** Checks the variables of the flow and builds the request (signing the JWT for the JWT flow). */
export function prepareTokenRequest(flow: Exclude<AuthFlow, "token">, source: VariableSource, nowMs: number): Prepared {
  if (flow === "jwt") {
    const checked = readJwtConfig(source);
    if (!checked.ok) return checked;
    return jwtRequest(checked.value, createJwtAssertion(checked.value, nowMs));
  }
  const checked = readS2sConfig(source);
  if (!checked.ok) return checked;
  return { ok: true, request: { flow, url: `https://${checked.value.ims}${TOKEN_V3_PATH}`, form: s2sTokenForm(checked.value) } };
}

/**
 * prepareTokenRequest, with the JWT signed by WebCrypto when `subtle` is given (the same bytes as
 * jsrsasign's). Every check runs as in prepareTokenRequest; a thrown error rejects the promise.
 */
export function prepareTokenRequestAsync(
  flow: Exclude<AuthFlow, "token">,
  source: VariableSource,
  nowMs: number,
  subtle: Rs256Subtle | undefined,
): Promise<Prepared> {
  try {
    if (flow !== "jwt" || !subtle) return Promise.resolve(prepareTokenRequest(flow, source, nowMs));
    const checked = readJwtConfig(source);
    if (!checked.ok) return Promise.resolve(checked);
    return createJwtAssertionAsync(checked.value, nowMs, subtle).then((jwt) => jwtRequest(checked.value, jwt));
  } catch (error) {
    return Promise.reject(error);
  }
}

function jwtRequest(config: JwtConfig, jwt: string): Prepared {
  return { ok: true, request: { flow: "jwt", url: `https://${config.ims}${JWT_EXCHANGE_PATH}`, form: jwtExchangeForm(config, jwt) } };
}

/**
 * A pasted token (e.g. AEM's local development token) cannot be renewed: usable while the expiry
 * written inside it leaves more than the margin. Returns that expiry (undefined when the token does
 * not say), or throws ERR_TOKEN_EXPIRED saying when it expired and where to get another.
 */
export function checkPastedToken(source: VariableSource, nowMs: number): number | undefined {
  const token = requireValue(source, "ACCESS_TOKEN");
  const expiry = accessTokenExpiry(token);
  if (expiry === undefined) return undefined;
  const margin = marginMs(source);
  if (expiry - nowMs > margin) return expiry;
  const when = new Date(expiry).toISOString().replace(/\.\d+Z$/, "Z");
  const state = expiry <= nowMs ? `expired at ${when}` : `expires at ${when}, within the ${Math.round(margin / 60_000)}-minute safety margin`;
  const renewable = optionalValue(source, "CLIENT_SECRET") !== "" ? "" : " There is no key or client secret to renew it.";
  throw new ImsAuthError(
    "ERR_TOKEN_EXPIRED",
    `ACCESS_TOKEN ${state}.${renewable} Get a new one (AEM: Developer Console → Integrations → Get Local Development Token; ` +
      `Adobe Developer Console: the credential's Generate access token) and paste it into ACCESS_TOKEN.`,
    "ACCESS_TOKEN",
  );
}
