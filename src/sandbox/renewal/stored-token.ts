// A stored token with time left but no binding to the variables of now: kept when it is this credential's, else renewed.

import { chooseFlow } from "../../core/config/flow.js";
import { optionalValue } from "../../core/config/checks.js";
import type { VariableSource } from "../../core/config/variables.js";
import { BINDING_VARIABLE, bindingValue, readBinding, tokenTag, type AfterUnauthorized } from "../../core/ims/token-binding.js";
import { accessTokenClaims, storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import { storeVariable, type Postman } from "../host/postman.js";

export function storeBinding(pm: Postman, token: string, plain: VariableSource, after401: AfterUnauthorized = ""): void {
  storeVariable(pm, BINDING_VARIABLE, bindingValue(token, plain, after401));
}

/**
 * Called when the per-request check found no token bound to these variables. A token with time left is kept
 * (and bound, so the next request takes the fast path again) when nothing says it belongs to another
 * credential: a pasted token with no credential to renew it, or a token someone else's request stored for
 * this client (Adobe's own token requests write ACCESS_TOKEN alone), judged by the client_id written in it.
 * A token this collection obtained for other variables is not kept: the credential changed since.
 */
export function keepOrAdopt(pm: Postman, source: VariableSource, plain: VariableSource, nowMs: number): boolean {
  const token = plain("ACCESS_TOKEN");
  if (typeof token !== "string" || token.trim() === "") return false;
  let fresh: boolean;
  let pasted: boolean;
  try {
    fresh = storedTokenIsFresh(plain, nowMs);
    pasted = chooseFlow(source) === "token";
  } catch {
    return false; // the checks that follow name the variable to fix
  }
  if (!fresh) return false;
  if (!pasted) {
    if (readBinding(plain(BINDING_VARIABLE))?.token === tokenTag(token)) return false;
    const clientId = accessTokenClaims(token.trim())?.client_id;
    const apiKey = optionalValue(source, "API_KEY");
    if (typeof clientId === "string" && apiKey !== "" && clientId !== apiKey) return false;
  }
  storeBinding(pm, token, plain);
  return true;
}
