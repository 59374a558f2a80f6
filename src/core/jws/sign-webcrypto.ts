// RS256 with WebCrypto where the host has it (the Postman app's sandbox): the same checks and bytes as jsrsasign, faster.

import type { RSAKey } from "jsrsasign";
import { rs256Input, rs256Token, signingError, type SigningInput } from "./sign-jsrsasign.js";
import { rsaPrivateJwk, type RsaPrivateJwk } from "../keys/rsa-jwk.js";

const RSASSA = "RSASSA-PKCS1-v1_5";

/** The two SubtleCrypto methods RS256 needs. */
export interface Rs256Subtle {
  importKey(
    format: "jwk",
    keyData: RsaPrivateJwk,
    algorithm: { name: string; hash: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

/**
 * The host's SubtleCrypto when it can sign (`crypto.subtle` with importKey and sign), else
 * undefined: Newman's sandbox has no `crypto`, so jsrsasign signs there.
 */
export function webCryptoSigner(crypto: unknown): Rs256Subtle | undefined {
  const subtle = (crypto as { subtle?: Partial<Rs256Subtle> } | null | undefined)?.subtle;
  if (typeof subtle !== "object" || subtle === null) return undefined;
  return typeof subtle.importKey === "function" && typeof subtle.sign === "function" ? (subtle as Rs256Subtle) : undefined;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => (byte < 16 ? "0" : "") + byte.toString(16)).join("");
}

/**
 * signRs256 with WebCrypto: the key (already parsed and checked by loadPrivateKey) and the header
 * are checked as for jsrsasign, the key goes to WebCrypto as a JWK built from the checked key, and
 * the token is checked after. RS256 is deterministic: the bytes are jsrsasign's (a test proves it).
 * Chained with `then` on WebCrypto's own promises, not `await`: in the Postman app's sandbox each
 * `await` of a promise from outside the script's context costs about half a millisecond more.
 */
export function signRs256WebCrypto(headerJson: string, payload: string, key: RSAKey, subtle: Rs256Subtle): Promise<string> {
  let input: SigningInput;
  let jwk: RsaPrivateJwk | undefined;
  try {
    input = rs256Input(headerJson, payload, key);
    jwk = rsaPrivateJwk(key);
    if (!jwk) throw signingError("the key lacks a private component");
  } catch (error) {
    return Promise.reject(error);
  }
  const data = new Uint8Array(input.text.length);
  for (let i = 0; i < data.length; i++) data[i] = input.text.charCodeAt(i);
  return subtle
    .importKey("jwk", jwk, { name: RSASSA, hash: "SHA-256" }, false, ["sign"])
    .then((imported) => subtle.sign(RSASSA, imported, data))
    .then((signature) => rs256Token(input, hex(signature), key));
}
