// Test keys: made at test time, or rebuilt from published test vectors. Nothing here is a real credential.

import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { RFC7520_RSA } from "../fixtures/rfc7520.js";

const fromB64u = (text: string): bigint => BigInt(`0x${Buffer.from(text, "base64url").toString("hex")}`);
const toB64u = (value: bigint): string => {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, "hex").toString("base64url");
};

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r, oldS, s] = [a % m, m, 1n, 0n];
  while (r) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/** Recovers p and q from n, e and d (the standard randomised method; deterministic bases here). */
function factor(n: bigint, e: bigint, d: bigint): [bigint, bigint] {
  const k = d * e - 1n;
  let t = k;
  let s = 0n;
  while (!(t & 1n)) {
    t >>= 1n;
    s += 1n;
  }
  for (let g = 2n; g < 1000n; g += 1n) {
    let x = modPow(g, t, n);
    for (let i = 0n; i < s; i += 1n) {
      const y = (x * x) % n;
      if (y === 1n && x !== 1n && x !== n - 1n) {
        const p = gcd(x - 1n, n);
        return [p, n / p];
      }
      x = y;
    }
  }
  throw new Error("could not factor n");
}

/** RFC 7520's RSA key as a PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), rebuilt from n, e, d. */
export function rfc7520PrivateKeyPem(): string {
  const n = fromB64u(RFC7520_RSA.n);
  const e = fromB64u(RFC7520_RSA.e);
  const d = fromB64u(RFC7520_RSA.d);
  const [p, q] = factor(n, e, d);
  const jwk = {
    kty: "RSA",
    n: RFC7520_RSA.n,
    e: RFC7520_RSA.e,
    d: RFC7520_RSA.d,
    p: toB64u(p),
    q: toB64u(q),
    dp: toB64u(d % (p - 1n)),
    dq: toB64u(d % (q - 1n)),
    qi: toB64u(modInverse(q, p)),
  };
  return createPrivateKey({ key: jwk, format: "jwk" }).export({ type: "pkcs1", format: "pem" }).toString();
}

export function rsaKeyPems(bits = 2048): { pkcs8: string; pkcs1: string; spki: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    pkcs1: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    spki: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** PKCS#8 PEM → PKCS#1 PEM with CRLF line ends, the shape of AEM service credentials. */
export function toPkcs1Crlf(pkcs8Pem: string): string {
  return createPrivateKey(pkcs8Pem).export({ type: "pkcs1", format: "pem" }).toString().replace(/\n/g, "\r\n");
}
