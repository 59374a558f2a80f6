// Turning the PRIVATE_KEY text users paste into a checked RSA private key (jsrsasign RSAKey).
// The text is decoded, decrypted and its structure checked here, strictly and with bounded work, before
// jsrsasign sees it; only RSAKey.readPKCS5PrvKeyHex is used, so the same code runs on jsrsasign's RSA-only build.

import { RSAKey } from "jsrsasign";
import { isPlaceholder } from "../config/checks.js";
import {
  children,
  content,
  DerError,
  expectTlv,
  INTEGER,
  integerBits,
  OCTET_STRING,
  oidText,
  SEQUENCE,
  smallInteger,
} from "../crypto/der.js";
import { toHex } from "../crypto/bytes.js";
import { decryptLegacy, decryptPkcs8 } from "./encrypted-key.js";
import { ImsAuthError } from "../errors.js";
import { nonPemHint } from "./key-formats.js";
import { blockBytes, firstBadLine, normalizePem, pemBlocks } from "./pem.js";

export { normalizePem };

export const MIN_RSA_BITS = 2048;
/** Larger keys take many seconds to sign with in the sandbox (a 8192-bit key about 8 s): the bound keeps a hostile key from stalling it. */
export const MAX_RSA_BITS = 8192;
/** An 8192-bit key, encrypted, base64-wrapped and with escaped newlines stays well under this. */
const MAX_KEY_CHARS = 65_536;

/** The parts of jsrsasign's RSAKey (and its jsbn numbers) that its type definitions leave out. */
interface Big {
  bitLength(): number;
  multiply(other: Big): Big;
  compareTo(other: Big): number;
}
interface RsaKeyInternals {
  readonly n?: Big;
  readonly p?: Big;
  readonly q?: Big;
  readonly isPrivate?: boolean;
}

/** Modulus size in bits (0 when the key has none). */
export function rsaBits(key: RSAKey): number {
  return (key as RSAKey & RsaKeyInternals).n?.bitLength() ?? 0;
}

export function isPrivateRsaKey(key: unknown): key is RSAKey {
  return key instanceof RSAKey && (key as RSAKey & RsaKeyInternals).isPrivate === true;
}

type KeyCode = "ERR_PRIVATE_KEY_FORMAT" | "ERR_PRIVATE_KEY_TYPE" | "ERR_PRIVATE_KEY_SIZE";

function keyError(code: KeyCode, message: string): ImsAuthError {
  return new ImsAuthError(code, `PRIVATE_KEY ${message}`, "PRIVATE_KEY");
}

export const DAMAGED = "could not be read: the key is damaged. Paste it again, unchanged, from -----BEGIN to END-----.";
const INCOMPLETE =
  "is incomplete: part of the key is missing (lines lost when it was copied?). Paste the whole key again, from -----BEGIN to END-----.";

/** Algorithms a PKCS#8 key may be for, by OID: none of them signs RS256. */
const NOT_RSA: Record<string, string> = {
  "1.2.840.10045.2.1": "an EC",
  "1.3.101.112": "an Ed25519",
  "1.3.101.113": "an Ed448",
  "1.2.840.10040.4.1": "a DSA",
  "1.2.840.113549.1.1.10": "an RSA-PSS (restricted to PSS signatures)",
};
const RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

/**
 * Parses and checks the key: RSA, private, 2048 to 8192 bits, its numbers consistent; decrypts it with
 * `passphrase` when it is encrypted. Never echoes the key, the passphrase or jsrsasign's messages.
 */
export function loadPrivateKey(text: string, passphrase = ""): RSAKey {
  if (text.length > MAX_KEY_CHARS) {
    throw keyError(
      "ERR_PRIVATE_KEY_FORMAT",
      `is ${text.length} characters long, far more than one private key: paste only the key, from -----BEGIN to END-----.`,
    );
  }
  const pem = normalizePem(text);
  const blocks = pemBlocks(pem);
  const labels = blocks.map((block) => block.label);
  const has = (pattern: RegExp) => labels.some((label) => pattern.test(label));
  if (blocks.length === 0) throw keyError("ERR_PRIVATE_KEY_FORMAT", nonPemHint(pem));
  if (has(/^(EC|DSA) PRIVATE KEY$/)) {
    throw keyError(
      "ERR_PRIVATE_KEY_TYPE",
      `is ${labels.includes("EC PRIVATE KEY") ? "an EC" : "a DSA"} key; Adobe IMS needs an RSA private key (RS256).`,
    );
  }
  if (has(/^OPENSSH PRIVATE KEY$/)) {
    throw keyError(
      "ERR_PRIVATE_KEY_TYPE",
      "is in OpenSSH's own format; convert it to PEM (ssh-keygen -p -m PEM -f FILE rewrites the file) or make an RSA key with openssl.",
    );
  }
  const keyBlocks = blocks.filter((block) => /^(RSA |ENCRYPTED )?PRIVATE KEY$/.test(block.label));
  if (keyBlocks.length === 0) {
    if (has(/CERTIFICATE$/) && !has(/REQUEST/)) {
      throw keyError(
        "ERR_PRIVATE_KEY_TYPE",
        "holds a certificate (BEGIN CERTIFICATE), the public half of the key pair. Use the private key (private.key) made with it.",
      );
    }
    if (has(/PUBLIC KEY$/))
      throw keyError(
        "ERR_PRIVATE_KEY_TYPE",
        `holds a public key (BEGIN ${labels.find((label) => label.includes("PUBLIC KEY"))}). Use the matching private key.`,
      );
    if (has(/REQUEST$/))
      throw keyError(
        "ERR_PRIVATE_KEY_TYPE",
        "holds a certificate signing request (BEGIN CERTIFICATE REQUEST). Use the private key made with it.",
      );
    throw keyError("ERR_PRIVATE_KEY_FORMAT", `is a "${labels[0]}" block; expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY.`);
  }
  if (blocks.length > 1) {
    throw keyError(
      "ERR_PRIVATE_KEY_FORMAT",
      `holds ${blocks.length} PEM blocks (${labels.join(", ")}): keep only the private key, from -----BEGIN to END-----.`,
    );
  }
  const block = keyBlocks[0]!;
  if (!block.ended)
    throw keyError("ERR_PRIVATE_KEY_FORMAT", `is cut short: its -----END ${block.label}----- line is missing. Paste the whole key.`);
  const bytes = blockBytes(block);
  if (!bytes) {
    const line = firstBadLine(pem, block.label);
    throw keyError(
      "ERR_PRIVATE_KEY_FORMAT",
      `is damaged: ${line ? `line ${line}` : "it"} holds characters that are not base64 (a space, a quote, stray text?). Paste the key again, unchanged.`,
    );
  }
  try {
    if (block.label === "ENCRYPTED PRIVATE KEY") return rsaKey(decryptPkcs8(bytes, passphrases(passphrase)));
    if (block.encrypted) {
      if (!block.dekInfo) throw new DerError();
      return rsaKey(decryptLegacy(block.dekInfo.cipher, block.dekInfo.iv, bytes, passphrases(passphrase)));
    }
    return rsaKey(bytes);
  } catch (error) {
    if (error instanceof DerError) throw keyError("ERR_PRIVATE_KEY_FORMAT", error.truncated ? INCOMPLETE : DAMAGED);
    throw error;
  }
}

/** What to try: the passphrase as given, then trimmed (a copied line ending). Throws when there is none. */
function passphrases(passphrase: string): string[] {
  const trimmed = passphrase.trim();
  if (trimmed === "" || isPlaceholder(trimmed)) {
    throw new ImsAuthError(
      "ERR_PRIVATE_KEY_PASSPHRASE",
      `PRIVATE_KEY is encrypted, but PRIVATE_KEY_PASSPHRASE is ${trimmed === "" ? "not set" : "not filled in"}. Set PRIVATE_KEY_PASSPHRASE to the key's passphrase (as a secret), or paste the key unencrypted (openssl pkey -in private.key).`,
      "PRIVATE_KEY_PASSPHRASE",
    );
  }
  return trimmed === passphrase ? [passphrase] : [passphrase, trimmed];
}

/**
 * The RSAPrivateKey (PKCS#1) itself, or the one inside a PKCS#8 PrivateKeyInfo, told apart by structure
 * (a mislabelled BEGIN line does not matter); a PKCS#8 key for another algorithm is refused by name.
 */
function unwrapPkcs8(der: number[]): number[] {
  const [version, algorithm, key] = children(der, expectTlv(der, 0, SEQUENCE));
  if (algorithm?.tag !== SEQUENCE) return der;
  if (!version || !key || smallInteger(der, version) > 1 || key.tag !== OCTET_STRING) throw new DerError();
  const oid = oidText(der, children(der, algorithm)[0] ?? algorithm);
  if (oid !== RSA_ENCRYPTION) {
    throw keyError(
      "ERR_PRIVATE_KEY_TYPE",
      `is not an RSA key (it is ${NOT_RSA[oid] ?? `an algorithm ${oid}`} key); Adobe IMS needs an RSA private key (RS256).`,
    );
  }
  return content(der, key);
}

/** Checks RSAPrivateKey (RFC 8017 A.1.2) strictly, sizes included, then lets jsrsasign read it. */
function rsaKey(keyDer: number[]): RSAKey {
  const der = unwrapPkcs8(keyDer);
  const outer = expectTlv(der, 0, SEQUENCE);
  if (outer.end !== der.length) throw new DerError();
  const parts = children(der, outer);
  if (parts.length > 0 && parts[0]!.tag === INTEGER && smallInteger(der, parts[0]!) === 1) {
    throw keyError(
      "ERR_PRIVATE_KEY_TYPE",
      "is a multi-prime RSA key, which the signer cannot use. Make a standard two-prime key (openssl genrsa 2048).",
    );
  }
  if (parts.length !== 9 || parts.some((part) => part.tag !== INTEGER) || smallInteger(der, parts[0]!) !== 0) throw new DerError();
  const [, n, e, d, ...crt] = parts.map((part) => integerBits(der, part)) as [number, number, number, number, ...number[]];
  if (n < MIN_RSA_BITS) {
    throw keyError(
      "ERR_PRIVATE_KEY_SIZE",
      `is a ${n}-bit RSA key; at least ${MIN_RSA_BITS} bits are needed. Make a new key pair (openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 …) and upload its certificate.`,
    );
  }
  if (n > MAX_RSA_BITS) {
    throw keyError(
      "ERR_PRIVATE_KEY_SIZE",
      `is a ${n}-bit RSA key; at most ${MAX_RSA_BITS} bits are supported (signing takes too long beyond that). Use a 2048- to 4096-bit key.`,
    );
  }
  // Bounds that hold for every real key and keep signing time bounded for a forged one:
  // e at most 256 bits (FIPS 186), d below n, the CRT primes and exponents about half of n.
  if (e < 2 || e > 256 || d > n || crt.some((bits) => bits === 0 || bits > n / 2 + 16)) throw new DerError();
  const key = new RSAKey();
  try {
    key.readPKCS5PrvKeyHex(toHex(der));
  } catch {
    // jsrsasign throws strings that may quote key material: never pass them on.
    throw new DerError();
  }
  const numbers = key as RSAKey & RsaKeyInternals;
  if (!isPrivateRsaKey(key) || !numbers.p || !numbers.q || !numbers.n || numbers.p.multiply(numbers.q).compareTo(numbers.n) !== 0) {
    throw keyError(
      "ERR_PRIVATE_KEY_FORMAT",
      "is damaged: its numbers do not fit together (a character changed?). Paste it again, unchanged, from -----BEGIN to END-----.",
    );
  }
  return key;
}
