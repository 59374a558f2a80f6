// Getting a token in the sandbox when the stored one is missing, about to expire, or bound to another credential.

import { configurationKey } from "../../core/config/configuration-key.js";
import type { IssuedToken } from "../../core/ims/ims-response.js";
import { exchangeToken } from "../../core/ims/token-exchange.js";
import { planToken, type TokenRequest } from "../../core/ims/token-request.js";
import type { VariableSource } from "../../core/config/variables.js";
import { forget, remember, rememberedFailure } from "./failure-memo.js";
import type { SandboxHost } from "../host/host.js";
import { postmanTransport } from "../host/postman-transport.js";
import { storeVariable, type Postman } from "../host/postman.js";
import { storeWhereFound } from "../host/store-where-found.js";
import { keepOrAdopt, storeBinding } from "./stored-token.js";
import { accessTokenClaims, checkMarginAgainstLifetime } from "../../core/ims/token-freshness.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type RenewalDone = (problems?: readonly unknown[]) => void;

/**
 * `source` holds the values the checks and IMS see (vault secrets read); `plain` the variables as the
 * per-request check reads them, which the stored binding is computed from.
 */
export function renewToken(pm: Postman, host: SandboxHost, source: VariableSource, plain: VariableSource, done: RenewalDone): void {
  const now = Date.now();
  // A token with time left that is not bound to these variables: someone else's for the same credential, or pasted.
  if (keepOrAdopt(pm, source, plain, now)) {
    done();
    return;
  }
  // Renewing because the API answered 401 (the watcher set the expiry to 0): a 401 with the next token is not the token's fault.
  const after401 = String(plain("ACCESS_TOKEN_EXPIRES_AT") ?? "").trim() === "0" ? "renewed" : "";
  try {
    const stored = plain("ACCESS_TOKEN");
    const lifetime = typeof stored === "string" ? Number(accessTokenClaims(stored.trim())?.expires_in) : Number.NaN;
    // The margin is judged against the stored token's lifetime before IMS is asked again for one like it.
    if (Number.isFinite(lifetime)) checkMarginAgainstLifetime(source, lifetime);
  } catch (error) {
    done([error]);
    return;
  }
  const send = (request: TokenRequest): void => {
    const key = configurationKey(source);
    const earlier = rememberedFailure(pm, key, now);
    if (earlier) {
      done([earlier]);
      return;
    }
    exchangeToken(
      request,
      postmanTransport(pm),
      (callback, delayMs) => host.setTimeout(callback, delayMs),
      (error, token) => {
        if (error || !token) {
          remember(pm, key, error, Date.now());
          done([error]);
          return;
        }
        store(pm, token, plain, after401);
        forget(pm);
        try {
          checkMarginAgainstLifetime(source, token.expiresAt - Date.now());
        } catch (problem) {
          done([problem]);
          return;
        }
        done();
      },
    );
  };

  const plan = planToken(source, now);
  if (!plan.ok) {
    done(plan.problems);
    return;
  }
  if (plan.flow === "token") {
    if (plan.expiresAt !== undefined) storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(plan.expiresAt));
    // Bound to ACCESS_TOKEN as the per-request check reads it: a {{vault:…}} reference stays one.
    storeBinding(pm, String(plain("ACCESS_TOKEN") ?? ""), plain);
    done();
    return;
  }
  send(plan.request);
}

function store(pm: Postman, token: IssuedToken, plain: VariableSource, after401: "renewed" | ""): void {
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
  // A user's renewal: the refresh token sent is spent, the new one is all that works from now on. Stored before the
  // binding, which tags the refresh token the variables hold: our own rotation keeps the token bound.
  if (token.refreshToken !== undefined) storeWhereFound(pm, "REFRESH_TOKEN", token.refreshToken);
  storeBinding(pm, token.accessToken, plain, after401);
}
