// Decrypting encrypted private keys: PKCS#8 (PBES2: PBKDF2 with HMAC-SHA1/SHA-256, AES-CBC or DES-EDE3-CBC)
// and OpenSSL's legacy PEM encryption (Proc-Type: 4,ENCRYPTED; key from MD5 as EVP_BytesToKey makes it).
// The structure is read here; the hashes and ciphers are audited libraries' (src/core/crypto/).

import { utf8Bytes, type Bytes } from "../crypto/bytes.js";
import { cbcDecrypt, type BlockCipher } from "../crypto/cbc.js";
import { children, content, DerError, expectTlv, oidText, OCTET_STRING, readTlv, SEQUENCE, smallInteger } from "../crypto/der.js";
import { evpBytesToKey, pbkdf2, type Prf } from "../crypto/key-derivation.js";
import { ImsAuthError } from "../errors.js";

/** More would let a key stall the script for seconds (about 6 µs an iteration); OpenSSL and Node use 2048. */
export const MAX_PBKDF2_ITERATIONS = 100_000;
/** An encrypted 8192-bit key is about 4.8 KB: more data is not one key, and would only cost decryption time. */
const MAX_ENCRYPTED_BYTES = 8192;

/** Name and key length of each cipher we decrypt, by OID (PKCS#8) and by name (DEK-Info). */
const CIPHERS: Record<string, [string, number]> = {
  "2.16.840.1.101.3.4.1.2": ["AES-128-CBC", 16],
  "2.16.840.1.101.3.4.1.22": ["AES-192-CBC", 24],
  "2.16.840.1.101.3.4.1.42": ["AES-256-CBC", 32],
  "1.2.840.113549.3.7": ["DES-EDE3-CBC", 24],
  "1.3.14.3.2.7": ["DES-CBC", 8],
};
const PBES2 = "1.2.840.113549.1.5.13";
const PBKDF2 = "1.2.840.113549.1.5.12";
const PRFS: Record<string, Prf> = { "1.2.840.113549.2.7": "HMAC-SHA1", "1.2.840.113549.2.9": "HMAC-SHA256" };
const SUPPORTED = "AES-128/192/256-CBC or DES-EDE3-CBC, with PBKDF2 over HMAC-SHA1 or HMAC-SHA256";
const REENCRYPT = "openssl pkcs8 -topk8 -v2 aes-256-cbc -in private.key -out private-aes.key";

function unsupported(what: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_PRIVATE_KEY_ENCRYPTION",
    `PRIVATE_KEY is encrypted with ${what}, which this collection cannot decrypt (it reads ${SUPPORTED}). Re-encrypt the key: ${REENCRYPT}, or store it unencrypted as a secret.`,
    "PRIVATE_KEY",
  );
}

const NAMES: Record<string, string> = {
  "1.3.6.1.4.1.11591.4.11": "scrypt",
  "1.2.840.113549.2.8": "HMAC-SHA224",
  "1.2.840.113549.2.10": "HMAC-SHA384",
  "1.2.840.113549.2.11": "HMAC-SHA512",
};

/** A readable name for an algorithm we do not support. */
function algorithmName(oid: string): string {
  if (NAMES[oid]) return NAMES[oid];
  if (oid.startsWith("1.2.840.113549.1.5.")) return `the old PBES1 scheme (${oid})`;
  if (oid.startsWith("1.2.840.113549.1.12.1.")) return `a PKCS#12 scheme (${oid})`;
  return `algorithm ${oid}`;
}

function wrongPassphrase(): ImsAuthError {
  return new ImsAuthError(
    "ERR_PRIVATE_KEY_PASSPHRASE",
    "PRIVATE_KEY_PASSPHRASE does not decrypt PRIVATE_KEY. Check the passphrase (upper and lower case, a missing or extra character); if it is right, the encrypted key is damaged: paste it again.",
    "PRIVATE_KEY_PASSPHRASE",
  );
}

/** The block cipher of a cipher name ("AES-256-CBC" → AES, "DES-EDE3-CBC" → DES) and its block size. */
function blockCipher(name: string): BlockCipher {
  return name.startsWith("AES") ? "AES" : "DES";
}
const blockSizeOf = (name: string): number => (name.startsWith("AES") ? 16 : 8);

/**
 * What decryption gave, if it is one whole DER SEQUENCE: a wrong passphrase almost never gives that.
 * A key SEQUENCE (30 82 …) announcing more bytes than there are is the right passphrase on a key with
 * blocks missing (CBC recovers after a gap): said as such, not as a wrong passphrase.
 */
function plausible(plain: number[] | undefined): number[] | undefined {
  if (!plain) return undefined;
  try {
    const tlv = readTlv(plain, 0);
    return tlv.tag === SEQUENCE && tlv.end === plain.length ? plain : undefined;
  } catch (error) {
    if (error instanceof DerError && error.truncated && plain[0] === SEQUENCE && plain[1] === 0x82) throw error;
    return undefined;
  }
}

/** The PrivateKeyInfo inside an EncryptedPrivateKeyInfo (RFC 5958, RFC 8018 PBES2). Throws DerError on bad structure. */
export function decryptPkcs8(der: Bytes, passphrases: readonly string[]): number[] {
  const [algorithm, data] = children(der, expectTlv(der, 0, SEQUENCE));
  if (!algorithm || !data || data.tag !== OCTET_STRING) throw new DerError();
  const [schemeOid, schemeParameters] = children(der, algorithm);
  const scheme = oidText(der, schemeOid ?? algorithm);
  if (scheme !== PBES2) throw unsupported(algorithmName(scheme));
  const [kdf, encryption] = children(der, schemeParameters ?? algorithm);
  const [kdfOid, kdfParameters] = children(der, kdf ?? algorithm);
  const kdfName = oidText(der, kdfOid ?? algorithm);
  if (kdfName !== PBKDF2) throw unsupported(algorithmName(kdfName));
  const [salt, count, ...rest] = children(der, kdfParameters ?? algorithm);
  if (!salt || salt.tag !== OCTET_STRING || !count) throw new DerError();
  const iterations = smallInteger(der, count);
  let prf: Prf = "HMAC-SHA1";
  let keyLength: number | undefined;
  for (const item of rest) {
    if (item.tag === SEQUENCE) {
      const prfName = oidText(der, children(der, item)[0] ?? item);
      const known = PRFS[prfName];
      if (!known) throw unsupported(algorithmName(prfName));
      prf = known;
    } else keyLength = smallInteger(der, item);
  }
  const [cipherOid, ivTlv] = children(der, encryption ?? algorithm);
  const cipherName = oidText(der, cipherOid ?? algorithm);
  const cipher = CIPHERS[cipherName];
  if (!cipher) throw unsupported(algorithmName(cipherName));
  const [name, length] = cipher;
  const blockSize = blockSizeOf(name);
  if (
    !ivTlv ||
    ivTlv.tag !== OCTET_STRING ||
    ivTlv.end - ivTlv.start !== blockSize ||
    (keyLength !== undefined && keyLength !== length) ||
    iterations < 1
  ) {
    throw new DerError();
  }
  // A length that is no whole number of blocks is a cut or damaged key, whatever the passphrase.
  if ((data.end - data.start) % blockSize !== 0) throw new DerError(true);
  if (data.end - data.start > MAX_ENCRYPTED_BYTES) throw new DerError();
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    throw new ImsAuthError(
      "ERR_PRIVATE_KEY_ENCRYPTION",
      `PRIVATE_KEY's encryption asks for ${iterations} PBKDF2 iterations; at most ${MAX_PBKDF2_ITERATIONS} are accepted, so that a key cannot stall Postman. Re-encrypt the key: ${REENCRYPT} -iter 10000.`,
      "PRIVATE_KEY",
    );
  }
  for (const passphrase of passphrases) {
    const key = pbkdf2(prf, utf8Bytes(passphrase), Uint8Array.from(content(der, salt)), iterations, length);
    const plain = plausible(cbcDecrypt(blockCipher(name), key, content(der, ivTlv), content(der, data)));
    if (plain) return plain;
  }
  throw wrongPassphrase();
}

/** The RSAPrivateKey of a legacy encrypted PEM ("DEK-Info: AES-256-CBC,<iv hex>"), key from EVP_BytesToKey(MD5, count 1). */
export function decryptLegacy(cipherName: string, ivHex: string, data: Bytes, passphrases: readonly string[]): number[] {
  const cipher = Object.values(CIPHERS).find(([name]) => name === cipherName);
  if (!cipher) throw unsupported(cipherName);
  const [name, length] = cipher;
  const blockSize = blockSizeOf(name);
  if (ivHex.length !== 2 * blockSize) throw new DerError();
  if (data.length % blockSize !== 0) throw new DerError(true);
  if (data.length > MAX_ENCRYPTED_BYTES) throw new DerError();
  const iv = Array.from({ length: blockSize }, (_, i) => parseInt(ivHex.slice(2 * i, 2 * i + 2), 16));
  for (const passphrase of passphrases) {
    // The salt is the IV's first 8 bytes.
    const key = evpBytesToKey(utf8Bytes(passphrase), Uint8Array.from(iv.slice(0, 8)), length);
    const plain = plausible(cbcDecrypt(blockCipher(name), key, iv, data));
    if (plain) return plain;
  }
  throw wrongPassphrase();
}
