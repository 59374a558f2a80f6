// Getting a token in the sandbox when the stored one is missing or about to expire: through the flow the variables choose.

import { configurationKey } from "../core/configuration-key.js";
import type { IssuedToken } from "../core/ims-response.js";
import { exchangeToken, type Timer } from "../core/token-exchange.js";
import { planToken } from "../core/token-request.js";
import type { VariableSource } from "../core/variables.js";
import { forget, remember, rememberedFailure } from "./failure-memo.js";
import { postmanTransport } from "./postman-transport.js";
import { storeVariable, type Postman } from "./postman.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type Done = (problems?: readonly unknown[]) => void;

export function renewToken(pm: Postman, timer: Timer, source: VariableSource, done: Done): void {
  const now = Date.now();
  const plan = planToken(source, now);
  if (!plan.ok) {
    done(plan.problems);
    return;
  }
  if (plan.flow === "token") {
    if (plan.expiresAt !== undefined) storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(plan.expiresAt));
    done();
    return;
  }
  const key = configurationKey(source);
  const earlier = rememberedFailure(pm, key, now);
  if (earlier) {
    done([earlier]);
    return;
  }
  exchangeToken(plan.request, postmanTransport(pm), timer, (error, token) => {
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
