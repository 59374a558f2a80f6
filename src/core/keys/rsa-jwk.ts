// The checked RSA key as a JWK, the form WebCrypto imports fastest: built from the key jsrsasign parsed, not from the PEM again.

import { hextob64u, type RSAKey } from "jsrsasign";

/** The private components jsrsasign's RSAKey holds once a private key is read (its types leave them out). */
interface RsaComponents {
  readonly n?: BigHex | null;
  readonly e?: number;
  readonly d?: BigHex | null;
  readonly p?: BigHex | null;
  readonly q?: BigHex | null;
  readonly dmp1?: BigHex | null;
  readonly dmq1?: BigHex | null;
  readonly coeff?: BigHex | null;
}

interface BigHex {
  toString(radix: 16): string;
}

export interface RsaPrivateJwk {
  readonly kty: "RSA";
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
}

/** base64url of the unsigned big-endian bytes, without leading zeros (RFC 7518 §6.3). */
function base64urlUInt(hex: string): string {
  const digits = hex.replace(/^0+/, "") || "0";
  return hextob64u(digits.length % 2 ? `0${digits}` : digits);
}

/**
 * The private JWK (RFC 7518 §6.3) of `key`; undefined when it lacks a component (then WebCrypto is
 * not used). A JWK, not PKCS#8: WebCrypto imports it several times faster (no DER decoding).
 */
export function rsaPrivateJwk(key: RSAKey): RsaPrivateJwk | undefined {
  const { n, e, d, p, q, dmp1, dmq1, coeff } = key as RSAKey & RsaComponents;
  if (typeof e !== "number" || !n || !d || !p || !q || !dmp1 || !dmq1 || !coeff) return undefined;
  const b64u = (value: BigHex) => base64urlUInt(value.toString(16));
  return {
    kty: "RSA",
    n: b64u(n),
    e: base64urlUInt(e.toString(16)),
    d: b64u(d),
    p: b64u(p),
    q: b64u(q),
    dp: b64u(dmp1),
    dq: b64u(dmq1),
    qi: b64u(coeff),
  };
}
