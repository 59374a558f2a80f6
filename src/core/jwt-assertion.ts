// The signed JWT assertion of the service-account flow: parse the key, build the claims, sign (jsrsasign).

import { buildClaims } from "./claims.js";
import type { JwtConfig } from "./jwt-config.js";
import { signJwt } from "./jws.js";
import { loadPrivateKey } from "./private-key.js";

/** Parses the key, builds the claims and signs them: the `jwt_token` of the exchange. */
export function createJwtAssertion(config: JwtConfig, nowMs: number): string {
  const key = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
  return signJwt(buildClaims(config, nowMs), key);
}
