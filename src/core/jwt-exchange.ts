// The JWT (service account) exchange: the signed assertion and the form IMS expects at /ims/exchange/jwt.

import { buildClaims } from "./claims.js";
import type { JwtConfig } from "./jwt-config.js";
import { signJwt } from "./jws.js";
import { loadPrivateKey } from "./private-key.js";

export const JWT_EXCHANGE_PATH = "/ims/exchange/jwt";

/** Parses the key, builds the claims and signs them: the `jwt_token` of the exchange. */
export function createJwtAssertion(config: JwtConfig, nowMs: number): string {
  const key = loadPrivateKey(config.privateKey);
  return signJwt(buildClaims(config, nowMs), key);
}

/** The x-www-form-urlencoded fields of the exchange, in the order Adobe documents them. */
export function jwtExchangeForm(config: JwtConfig, jwt: string): ReadonlyArray<readonly [string, string]> {
  return [
    ["client_id", config.clientId],
    ["client_secret", config.clientSecret],
    ["jwt_token", jwt],
  ];
}
