// Getting a token in the sandbox when the stored one is missing or about to expire: through the flow the variables choose.

import { chooseFlow } from "../core/flow.js";
import type { IssuedToken } from "../core/ims-response.js";
import { checkPastedToken, prepareTokenRequest, prepareTokenRequestAsync, type Prepared } from "../core/token-request.js";
import type { VariableSource } from "../core/variables.js";
import { webCryptoSigner } from "../core/webcrypto.js";
import { configurationKey, forget, remember, rememberedFailure } from "./failure-memo.js";
import type { SandboxHost } from "./host.js";
import { requestToken } from "./ims-client.js";
import { storeVariable, type Postman } from "./postman.js";
import { holdUntilSettled } from "./promise-hold.js";

/** Outcome: nothing (the request may go), or the problems that stop it. */
export type Done = (problems?: readonly unknown[]) => void;

export function renewToken(pm: Postman, host: SandboxHost, source: VariableSource, done: Done): void {
  const now = Date.now();
  const flow = chooseFlow(source);
  if (flow === "token") {
    const expiry = checkPastedToken(source, now);
    if (expiry !== undefined) storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(expiry));
    done();
    return;
  }
  const send = (prepared: Prepared): void => {
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
    requestToken(pm, (callback, delayMs) => host.setTimeout(callback, delayMs), prepared.request, (error, token) => {
      if (error || !token) {
        remember(pm, key, error, Date.now());
        done([error]);
        return;
      }
      store(pm, token);
      forget(pm);
      done();
    });
  };
  // WebCrypto signs asynchronously where the sandbox has it (the Postman app); jsrsasign signs at once elsewhere.
  const subtle = flow === "jwt" ? webCryptoSigner(host.crypto) : undefined;
  if (subtle) holdUntilSettled(host, prepareTokenRequestAsync(flow, source, now, subtle), send, (error) => done([error]));
  else send(prepareTokenRequest(flow, source, now));
}

function store(pm: Postman, token: IssuedToken): void {
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
}
