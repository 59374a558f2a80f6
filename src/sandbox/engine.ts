// The slow path, evaluated only when a token must be obtained: flows, checks, IMS calls and the jsrsasign signer.

import { readJwtConfig } from "../core/jwt-config.js";
import { createJwtAssertion } from "../core/jwt-assertion.js";
import { jwtExchangeForm } from "../core/jwt-exchange.js";
import type { Timer } from "../core/token-exchange.js";
import { refuse, resolvedSource, type Postman } from "./postman.js";
import { renewToken } from "./token-renewal.js";

export { loadPrivateKey } from "../core/private-key.js";
export { signRs256, JWT_HEADER } from "../core/jws.js";
export { createJwtAssertion };

const AUTO_AUTH_TEST = "Adobe IMS access token";

/** Collection-level: the stored token is missing or about to expire; get one or stop the request with the reason. */
export function autoAuth(pm: Postman, timer: Timer): void {
  try {
    renewToken(pm, timer, resolvedSource(pm), (problems) => {
      if (problems) refuse(pm, problems, AUTO_AUTH_TEST);
    });
  } catch (error) {
    refuse(pm, [error], AUTO_AUTH_TEST);
  }
}

/** "IMS: JWT Generate + Auth via User Token": check the variables, sign, and fill the form. */
export function jwtExchange(pm: Postman): void {
  const checked = readJwtConfig(resolvedSource(pm));
  if (!checked.ok) {
    // Nothing reaches IMS with a bad configuration: each problem is its own failed test.
    refuse(pm, checked.problems, "JWT signing");
    return;
  }
  try {
    const jwt = createJwtAssertion(checked.value, Date.now());
    const form = pm.request.body?.urlencoded;
    for (const [key, value] of jwtExchangeForm(checked.value, jwt)) form?.upsert({ key, value });
  } catch (error) {
    refuse(pm, [error], "JWT signing");
  }
}
