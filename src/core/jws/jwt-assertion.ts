// The signed JWT assertion of the service-account flow: parse the key, build the claims, sign (jsrsasign or WebCrypto).

import { buildClaims } from "./claims.js";
import type { JwtConfig } from "../config/jwt-config.js";
import { JWT_HEADER, signJwt, signRs256 } from "./sign-jsrsasign.js";
import { loadPrivateKey } from "../keys/private-key.js";
import { signRs256WebCrypto, type Rs256Subtle } from "./sign-webcrypto.js";

/** Parses the key, builds the claims and signs them: the `jwt_token` of the exchange. */
export function createJwtAssertion(config: JwtConfig, nowMs: number): string {
  const key = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
  return signJwt(buildClaims(config, nowMs), key);
}

/**
 * The same assertion, signed with WebCrypto when `subtle` is given. The key is parsed and checked
 * by loadPrivateKey first either way. Should WebCrypto fail, jsrsasign signs: same bytes, slower,
 * and its checks say what is wrong. (`then`, not `await`: see signRs256WebCrypto.)
 */
export function createJwtAssertionAsync(config: JwtConfig, nowMs: number, subtle: Rs256Subtle | undefined): Promise<string> {
  try {
    const key = loadPrivateKey(config.privateKey, config.privateKeyPassphrase);
    const payload = JSON.stringify(buildClaims(config, nowMs));
    const viaJsrsasign = () => signRs256(JWT_HEADER, payload, key);
    if (!subtle) return Promise.resolve(viaJsrsasign());
    return signRs256WebCrypto(JWT_HEADER, payload, key, subtle).then(undefined, viaJsrsasign);
  } catch (error) {
    return Promise.reject(error);
  }
}
