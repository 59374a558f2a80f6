// RS256 signing with jsrsasign, with the checks jsrsasign itself does not make (key type, header, signature).

import { BigInteger, b64utohex, hextob64u, utf8tob64u, type RSAKey } from "jsrsasign";
import { sha256Hex } from "../crypto/sha256.js";
import { ImsAuthError } from "../errors.js";
import { MIN_RSA_BITS, isPrivateRsaKey, rsaBits } from "../keys/private-key.js";

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2). */
const SHA256_DIGEST_INFO = "3031300d060960864801650304020105000420";

/** jsbn's constructor and the one method used here, which jsrsasign's type definitions leave out. */
type Big = { toString(radix: number): string };
const Big = BigInteger as unknown as new (text: string, radix: number) => Big;

/**
 * Whether `signatureHex` is the RS256 signature of `input` under the key's public half: the check that
 * a damaged key (a changed prime or CRT exponent still parses) signs garbage. Our own comparison:
 * jsrsasign's verify refuses keys whose size is not a multiple of 8 bits.
 */
function verifies(key: RSAKey, bits: number, input: string, signatureHex: string): boolean {
  const encoded = `01${"ff".repeat(Math.ceil(bits / 8) - 54)}00${SHA256_DIGEST_INFO}${sha256Hex(input)}`;
  const recovered = (key as RSAKey & { doPublic(x: Big): Big }).doPublic(new Big(signatureHex, 16)).toString(16);
  return recovered === encoded.replace(/^0+/, "");
}

/** The only header we emit: Adobe IMS accepts RS256, and nothing else may slip through. */
export const JWT_HEADER = '{"alg":"RS256","typ":"JWT"}';

function signingError(reason: string): ImsAuthError {
  return new ImsAuthError("ERR_SIGNING", `Could not sign the JWT: ${reason}. Check PRIVATE_KEY.`, "PRIVATE_KEY");
}

/** What is signed, once the key and header have passed their checks. */
interface SigningInput {
  readonly headerJson: string;
  readonly payload: string;
  /** base64url(header) "." base64url(payload): ASCII, the bytes the signature covers. */
  readonly text: string;
  readonly bits: number;
}

/**
 * The checks made before signing: an RSA private key of at least MIN_RSA_BITS, and a header that
 * says RS256 (never an unsigned or HMAC token).
 */
function rs256Input(headerJson: string, payload: string, key: RSAKey): SigningInput {
  if (!isPrivateRsaKey(key)) throw signingError("the key is not an RSA private key");
  const bits = rsaBits(key);
  if (bits < MIN_RSA_BITS) throw signingError(`the key has ${bits} bits, fewer than ${MIN_RSA_BITS}`);
  const header: unknown = JSON.parse(headerJson);
  if (typeof header !== "object" || header === null || (header as { alg?: unknown }).alg !== "RS256") {
    throw signingError("the header must say alg RS256");
  }
  return { headerJson, payload, text: `${utf8tob64u(headerJson)}.${utf8tob64u(payload)}`, bits };
}

/**
 * The compact JWT, checked after signing: the signature verifies under the key's public half (a
 * damaged key is named as such), three parts, ours, as long as the modulus.
 */
function rs256Token(input: SigningInput, signatureHex: string, key: RSAKey): string {
  if (!verifies(key, input.bits, input.text, signatureHex)) {
    throw new ImsAuthError(
      "ERR_PRIVATE_KEY_FORMAT",
      "PRIVATE_KEY is damaged: a signature made with it does not check out against its own public part (a character changed?). Paste it again, unchanged, from -----BEGIN to END-----.",
      "PRIVATE_KEY",
    );
  }
  const token = `${input.text}.${hextob64u(signatureHex)}`;
  const [encodedHeader, encodedPayload, signature, ...rest] = token.split(".");
  const expectedBytes = Math.ceil(input.bits / 8);
  if (
    rest.length > 0 ||
    encodedHeader !== utf8tob64u(input.headerJson) ||
    encodedPayload !== utf8tob64u(input.payload) ||
    signature === undefined ||
    b64utohex(signature).length !== expectedBytes * 2
  ) {
    throw signingError("the signed token did not come out as an RS256 JWT");
  }
  return token;
}

/**
 * Signs `payload` (a string, taken as UTF-8) under `headerJson` (used byte for byte) with RS256
 * (RSASSA-PKCS1-v1_5 over SHA-256, RSAKey.sign). jsrsasign signs whatever key it is given: so the
 * key is checked before, and the header and signature after (never an unsigned token).
 */
export function signRs256(headerJson: string, payload: string, key: RSAKey): string {
  const input = rs256Input(headerJson, payload, key);
  let signatureHex: string;
  try {
    signatureHex = key.sign(input.text, "sha256");
  } catch {
    throw signingError("the signing library refused the key");
  }
  return rs256Token(input, signatureHex, key);
}

/** A compact JWT with our fixed header over JSON claims. */
export function signJwt(claims: Record<string, unknown>, key: RSAKey): string {
  return signRs256(JWT_HEADER, JSON.stringify(claims), key);
}
