// Getting a token in the sandbox when the stored one is missing or about to expire: through the flow the variables choose.

import { chooseFlow } from "../core/flow.js";
import type { IssuedToken } from "../core/ims-response.js";
import { checkPastedToken, prepareTokenRequest } from "../core/token-request.js";
import type { VariableSource } from "../core/variables.js";
import { configurationKey, forget, remember, rememberedFailure } from "./failure-memo.js";
import { requestToken, type Timer } from "./ims-client.js";
import { storeVariable, type Postman } from "./postman.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type Done = (problems?: readonly unknown[]) => void;

export function renewToken(pm: Postman, timer: Timer, source: VariableSource, done: Done): void {
  const now = Date.now();
  const flow = chooseFlow(source);
  if (flow === "token") {
    const expiry = checkPastedToken(source, now);
    if (expiry !== undefined) storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(expiry));
    done();
    return;
  }
  const prepared = prepareTokenRequest(flow, source, now);
  if (!prepared.ok) {
    done(prepared.problems);
    return;
  }
  const key = configurationKey(source);
  const earlier = rememberedFailure(pm, key, now);
  if (earlier) {
    done([earlier]);
    return;
  }
  requestToken(pm, timer, prepared.request, (error, token) => {
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
