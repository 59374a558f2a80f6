// Getting a token in the sandbox when the stored one is missing or about to expire: through the flow the variables choose.

import { configurationKey } from "../../core/config/configuration-key.js";
import { chooseFlow } from "../../core/config/flow.js";
import type { IssuedToken } from "../../core/ims/ims-response.js";
import { exchangeToken } from "../../core/ims/token-exchange.js";
import { planToken, prepareTokenRequestAsync, type TokenRequest } from "../../core/ims/token-request.js";
import type { VariableSource } from "../../core/config/variables.js";
import { webCryptoSigner } from "../../core/jws/sign-webcrypto.js";
import { forget, remember, rememberedFailure } from "./failure-memo.js";
import type { SandboxHost } from "../host/host.js";
import { postmanTransport } from "../host/postman-transport.js";
import { storeVariable, type Postman } from "../host/postman.js";
import { holdUntilSettled } from "../host/promise-hold.js";
import { storeWhereFound } from "../host/store-where-found.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type RenewalDone = (problems?: readonly unknown[]) => void;

export function renewToken(pm: Postman, host: SandboxHost, source: VariableSource, done: RenewalDone): void {
  const now = Date.now();
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
        store(pm, token);
        forget(pm);
        done();
      },
    );
  };

  // WebCrypto signs asynchronously where the sandbox has it (the Postman app); elsewhere jsrsasign signs at once.
  const subtle = chooseFlow(source) === "jwt" ? webCryptoSigner(host.crypto) : undefined;
  if (subtle) {
    holdUntilSettled(
      host,
      prepareTokenRequestAsync("jwt", source, now, subtle),
      (prepared) => (prepared.ok ? send(prepared.request) : done(prepared.problems)),
      (error) => done([error]),
    );
    return;
  }
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
  send(plan.request);
}

function store(pm: Postman, token: IssuedToken): void {
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
  // A user's renewal: the refresh token sent is spent, the new one is all that works from now on.
  if (token.refreshToken !== undefined) storeWhereFound(pm, "REFRESH_TOKEN", token.refreshToken);
}
