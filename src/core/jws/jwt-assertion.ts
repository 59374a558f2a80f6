// The signed JWT assertion of the service-account flow: parse the key, build the claims, sign with jsrsasign.

import { buildClaims } from "./claims.js";
import type { JwtConfig } from "../config/jwt-config.js";
import { signJwt } from "./sign-jsrsasign.js";
import { loadPrivateKey } from "../keys/private-key.js";

/** Parses the key, builds the claims and signs them: the `jwt_token` of the exchange. */
export function createJwtAssertion(config: JwtConfig, nowMs: number): string {
  const key = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
  return signJwt(buildClaims(config, nowMs), key);
}
