// Getting a token when the stored one is missing or about to expire: through the flow the variables choose.

import { optionalValue, requireValue } from "../core/checks.js";
import { ImsAuthError } from "../core/errors.js";
import { chooseFlow } from "../core/flow.js";
import type { IssuedToken } from "../core/ims-response.js";
import { createJwtAssertion } from "../core/jwt-assertion.js";
import { readJwtConfig } from "../core/jwt-config.js";
import { JWT_EXCHANGE_PATH, jwtExchangeForm } from "../core/jwt-exchange.js";
import { readS2sConfig, s2sTokenForm, TOKEN_V3_PATH } from "../core/s2s-config.js";
import { accessTokenExpiry, marginMs } from "../core/token-cache.js";
import type { VariableSource } from "../core/variables.js";
import { configurationKey, forget, remember, rememberedFailure } from "./failure-memo.js";
import { requestToken, type Timer, type TokenRequest } from "./ims-client.js";
import { storeVariable, type Postman } from "./postman.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type Done = (problems?: readonly unknown[]) => void;

export function renewToken(pm: Postman, timer: Timer, source: VariableSource, done: Done): void {
  const now = Date.now();
  const flow = chooseFlow(source);
  if (flow === "token") {
    checkPastedToken(pm, source, now);
    done();
    return;
  }
  const request = flow === "jwt" ? jwtRequest(source, now) : s2sRequest(source);
  if (Array.isArray(request)) {
    done(request);
    return;
  }
  const key = configurationKey(source);
  const earlier = rememberedFailure(pm, key, now);
  if (earlier) {
    done([earlier]);
    return;
  }
  requestToken(pm, timer, request as TokenRequest, (error, token) => {
    if (error || !token) {
      remember(pm, key, error, Date.now());
      done([error]);
      return;
    }
    store(pm, token);
    forget(pm);
    done();
  });
}

function store(pm: Postman, token: IssuedToken): void {
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
}

function jwtRequest(source: VariableSource, now: number): TokenRequest | readonly unknown[] {
  const checked = readJwtConfig(source);
  if (!checked.ok) return checked.problems;
  const jwt = createJwtAssertion(checked.value, now);
  return { flow: "jwt", url: `https://${checked.value.ims}${JWT_EXCHANGE_PATH}`, form: jwtExchangeForm(checked.value, jwt) };
}

function s2sRequest(source: VariableSource): TokenRequest | readonly unknown[] {
  const checked = readS2sConfig(source);
  if (!checked.ok) return checked.problems;
  return { flow: "s2s", url: `https://${checked.value.ims}${TOKEN_V3_PATH}`, form: s2sTokenForm(checked.value) };
}

/**
 * A pasted token (e.g. AEM's local development token) cannot be renewed: use it while the expiry
 * written inside it leaves more than the margin, else say when it expired and where to get another.
 */
function checkPastedToken(pm: Postman, source: VariableSource, now: number): void {
  const token = requireValue(source, "ACCESS_TOKEN");
  const expiry = accessTokenExpiry(token);
  if (expiry === undefined) return;
  const margin = marginMs(source);
  if (expiry - now > margin) {
    storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(expiry));
    return;
  }
  const when = new Date(expiry).toISOString().replace(/\.\d+Z$/, "Z");
  const state = expiry <= now ? `expired at ${when}` : `expires at ${when}, within the ${Math.round(margin / 60_000)}-minute safety margin`;
  const secret = optionalValue(source, "CLIENT_SECRET") !== "" ? "" : " There is no key or client secret to renew it.";
  throw new ImsAuthError(
    "ERR_TOKEN_EXPIRED",
    `ACCESS_TOKEN ${state}.${secret} Get a new one (AEM: Developer Console → Integrations → Get Local Development Token; ` +
      `Adobe Developer Console: the credential's Generate access token) and paste it into ACCESS_TOKEN.`,
    "ACCESS_TOKEN",
  );
}
