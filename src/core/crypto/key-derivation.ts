// Keys from passphrases, as encrypted private keys derive them: PBKDF2 (PKCS#8 PBES2) and OpenSSL's
// EVP_BytesToKey (legacy PEM), over @noble/hashes. The iteration count is bounded by the caller.

import { md5, sha1 } from "@noble/hashes/legacy.js";
import { pbkdf2 as noblePbkdf2 } from "@noble/hashes/pbkdf2.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes } from "@noble/hashes/utils.js";

/** The pseudorandom functions PBES2 keys use here (RFC 8018 §B.1). */
export type Prf = "HMAC-SHA1" | "HMAC-SHA256";

/** PBKDF2 (RFC 8018 §5.2) with `prf`: `length` bytes of key. */
export function pbkdf2(prf: Prf, password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Uint8Array {
  return noblePbkdf2(prf === "HMAC-SHA1" ? sha1 : sha256, password, salt, { c: iterations, dkLen: length });
}

/**
 * OpenSSL's EVP_BytesToKey with MD5 and one iteration, as legacy encrypted PEM keys ("Proc-Type:
 * 4,ENCRYPTED") derive their key: D_i = MD5(D_{i-1} || password || salt), concatenated, cut to `length`.
 */
export function evpBytesToKey(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  let key = new Uint8Array(0);
  for (let block = new Uint8Array(0); key.length < length; key = concatBytes(key, block)) block = md5(concatBytes(block, password, salt));
  return key.slice(0, length);
}
