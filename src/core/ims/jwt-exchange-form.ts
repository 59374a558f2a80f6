// The JWT (service account) exchange: the form IMS expects at /ims/exchange/jwt (no signing code here, on purpose).

import type { JwtConfig } from "../config/jwt-config.js";

export const JWT_EXCHANGE_PATH = "/ims/exchange/jwt";

/** The x-www-form-urlencoded fields of the exchange, in the order Adobe documents them. */
export function jwtExchangeForm(config: JwtConfig, jwt: string): ReadonlyArray<readonly [string, string]> {
  return [
    ["client_id", config.clientId],
    ["client_secret", config.clientSecret],
    ["jwt_token", jwt],
  ];
}
