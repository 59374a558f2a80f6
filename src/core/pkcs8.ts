// The checked RSA key as PKCS#8 DER, the one form WebCrypto imports: built from the key jsrsasign parsed, not from the PEM again.

import type { RSAKey } from "jsrsasign";

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

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ENCRYPTION = "300d06092a864886f70d0101010500";

function derLength(bytes: number): string {
  if (bytes < 0x80) return hexByte(bytes);
  let hex = bytes.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return hexByte(0x80 + hex.length / 2) + hex;
}

function hexByte(value: number): string {
  return (value < 16 ? "0" : "") + value.toString(16);
}

function tlv(tag: string, contentHex: string): string {
  return tag + derLength(contentHex.length / 2) + contentHex;
}

/** A non-negative INTEGER: minimal bytes, with a leading zero byte when the top bit is set. */
function derInteger(hex: string): string {
  let digits = hex.replace(/^0+/, "") || "0";
  if (digits.length % 2) digits = `0${digits}`;
  if (parseInt(digits.slice(0, 2), 16) >= 0x80) digits = `00${digits}`;
  return tlv("02", digits);
}

/**
 * PKCS#8 PrivateKeyInfo (RFC 5208) wrapping the PKCS#1 RSAPrivateKey (RFC 8017 A.1.2) of `key`,
 * as bytes; undefined when the key lacks a component (WebCrypto then is not used).
 */
export function pkcs8Der(key: RSAKey): Uint8Array | undefined {
  const { n, e, d, p, q, dmp1, dmq1, coeff } = key as RSAKey & RsaComponents;
  const parts = [n, d, p, q, dmp1, dmq1, coeff];
  if (typeof e !== "number" || parts.some((part) => !part)) return undefined;
  const integers = [derInteger("0"), derInteger(n!.toString(16)), derInteger(e.toString(16))];
  for (const part of [d, p, q, dmp1, dmq1, coeff]) integers.push(derInteger(part!.toString(16)));
  const rsaPrivateKey = tlv("30", integers.join(""));
  const hex = tlv("30", derInteger("0") + RSA_ENCRYPTION + tlv("04", rsaPrivateKey));
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
