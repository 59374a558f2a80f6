// RS256 signing with jsrsasign, with the checks jsrsasign itself does not make (key type, header, signature).

import { KJUR, b64utohex, utf8tob64u, type RSAKey } from "jsrsasign";
import { ImsAuthError } from "./errors.js";
import { MIN_RSA_BITS, isPrivateRsaKey, rsaBits } from "./private-key.js";

/** The only header we emit: Adobe IMS accepts RS256, and nothing else may slip through. */
export const JWT_HEADER = '{"alg":"RS256","typ":"JWT"}';

function signingError(reason: string): ImsAuthError {
  return new ImsAuthError("ERR_SIGNING", `Could not sign the JWT: ${reason}. Check PRIVATE_KEY.`, "PRIVATE_KEY");
}

/**
 * Signs `payload` (a string, taken as UTF-8) under `headerJson` (used byte for byte) with RS256.
 * jsrsasign would sign with an EC key under an RS256 header, or return an unsigned token for
 * alg "none": so the key is checked before, and the header and signature after.
 */
export function signRs256(headerJson: string, payload: string, key: RSAKey): string {
  if (!isPrivateRsaKey(key)) throw signingError("the key is not an RSA private key");
  const bits = rsaBits(key);
  if (bits < MIN_RSA_BITS) throw signingError(`the key has ${bits} bits, fewer than ${MIN_RSA_BITS}`);
  const header: unknown = JSON.parse(headerJson);
  if (typeof header !== "object" || header === null || (header as { alg?: unknown }).alg !== "RS256") {
    throw signingError("the header must say alg RS256");
  }

  let token: string;
  try {
    token = KJUR.jws.JWS.sign("RS256", headerJson, payload, key);
  } catch {
    throw signingError("the signing library refused the key");
  }

  const [encodedHeader, encodedPayload, signature, ...rest] = token.split(".");
  const expectedBytes = Math.ceil(bits / 8);
  if (
    rest.length > 0 ||
    encodedHeader !== utf8tob64u(headerJson) ||
    encodedPayload !== utf8tob64u(payload) ||
    signature === undefined ||
    b64utohex(signature).length !== expectedBytes * 2
  ) {
    throw signingError("the signed token did not come out as an RS256 JWT");
  }
  return token;
}

/** A compact JWT with our fixed header over JSON claims. */
export function signJwt(claims: Record<string, unknown>, key: RSAKey): string {
  return signRs256(JWT_HEADER, JSON.stringify(claims), key);
}
