// Encrypted private keys made at test time: Node's own exports, and PBES2/PBES1 structures built by hand
// (each hand-built one decrypts in node:crypto too, so the vectors are checked independently of our code).

import { createCipheriv, createPrivateKey, pbkdf2Sync, randomBytes, type KeyObject } from "node:crypto";

/** Minimal DER encoding, enough for EncryptedPrivateKeyInfo. */
export const der = {
  tlv(tag: number, body: Buffer): Buffer {
    const length = body.length;
    const header =
      length < 0x80
        ? Buffer.from([tag, length])
        : length < 0x100
          ? Buffer.from([tag, 0x81, length])
          : length < 0x10000
            ? Buffer.from([tag, 0x82, length >> 8, length & 255])
            : Buffer.from([tag, 0x83, length >> 16, (length >> 8) & 255, length & 255]);
    return Buffer.concat([header, body]);
  },
  seq: (...items: Buffer[]) => der.tlv(0x30, Buffer.concat(items)),
  octets: (bytes: Buffer) => der.tlv(0x04, bytes),
  /** A positive INTEGER from big-endian bytes (a leading 0 added when the top bit is set). */
  uint(bytes: Buffer): Buffer {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = bytes.subarray(start);
    return der.tlv(0x02, (body[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
  },
  int(value: number): Buffer {
    let hex = value.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
    return der.tlv(0x02, Buffer.from(hex, "hex"));
  },
  oid(dotted: string): Buffer {
    const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
    const bytes = [40 * a + b];
    for (const arc of rest) {
      const groups: number[] = [];
      let value = arc;
      do {
        groups.unshift(value & 0x7f);
        value = Math.floor(value / 128);
      } while (value > 0);
      bytes.push(...groups.map((group, i) => (i < groups.length - 1 ? group | 0x80 : group)));
    }
    return der.tlv(0x06, Buffer.from(bytes));
  },
  null: () => Buffer.from([0x05, 0x00]),
};

export const OIDS = {
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  hmacWithSHA1: "1.2.840.113549.2.7",
  hmacWithSHA256: "1.2.840.113549.2.9",
  hmacWithSHA512: "1.2.840.113549.2.11",
  pbeWithMD5AndDES: "1.2.840.113549.1.5.3",
  scrypt: "1.3.6.1.4.1.11591.4.11",
  "aes-128-cbc": "2.16.840.1.101.3.4.1.2",
  "aes-192-cbc": "2.16.840.1.101.3.4.1.22",
  "aes-256-cbc": "2.16.840.1.101.3.4.1.42",
  "des-ede3-cbc": "1.2.840.113549.3.7",
  "camellia-256-cbc": "1.2.392.200011.61.1.1.1.4",
} as const;

export function pem(label: string, body: Buffer): string {
  const lines = body.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export interface Pbes2Options {
  readonly prf?: "hmacWithSHA1" | "hmacWithSHA256" | "hmacWithSHA512";
  readonly cipher?: "aes-128-cbc" | "aes-192-cbc" | "aes-256-cbc" | "des-ede3-cbc";
  readonly iterations?: number;
  /** Write the key length into the PBKDF2 parameters (optional in RFC 8018). */
  readonly keyLength?: boolean;
  /** Name another cipher OID in the structure (the data stays AES-256-CBC): for refusals. */
  readonly cipherOid?: string;
}

const KEY_LENGTHS = { "aes-128-cbc": 16, "aes-192-cbc": 24, "aes-256-cbc": 32, "des-ede3-cbc": 24 } as const;

/**
 * An ENCRYPTED PRIVATE KEY PEM with PBES2, built by hand with node:crypto's PBKDF2 and cipher. Without
 * a prf the parameters leave it out, which means HMAC-SHA1 (what OpenSSL 1.0 wrote).
 */
export function pbes2Pem(key: KeyObject, passphrase: string, options: Pbes2Options = {}): string {
  const cipher = options.cipher ?? "aes-256-cbc";
  const iterations = options.iterations ?? 2048;
  const length = KEY_LENGTHS[cipher];
  const salt = randomBytes(8);
  const iv = randomBytes(cipher.startsWith("aes") ? 16 : 8);
  const hashName = options.prf === "hmacWithSHA256" ? "sha256" : options.prf === "hmacWithSHA512" ? "sha512" : "sha1";
  const derived = pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, Math.min(iterations, 4096), length, hashName);
  const plain = key.export({ type: "pkcs8", format: "der" });
  const encryptor = createCipheriv(cipher, derived, iv);
  const data = Buffer.concat([encryptor.update(plain), encryptor.final()]);
  const kdfParameters = der.seq(
    der.octets(salt),
    der.int(iterations),
    ...(options.keyLength ? [der.int(length)] : []),
    ...(options.prf ? [der.seq(der.oid(OIDS[options.prf]), der.null())] : []),
  );
  const algorithm = der.seq(
    der.oid(OIDS.pbes2),
    der.seq(der.seq(der.oid(OIDS.pbkdf2), kdfParameters), der.seq(der.oid(options.cipherOid ?? OIDS[cipher]), der.octets(iv))),
  );
  return pem("ENCRYPTED PRIVATE KEY", der.seq(algorithm, der.octets(data)));
}

/** An EncryptedPrivateKeyInfo naming another scheme (PBES1, or PBES2 with scrypt): only its structure matters. */
export function otherSchemePem(scheme: "pbes1" | "scrypt"): string {
  const algorithm =
    scheme === "pbes1"
      ? der.seq(der.oid(OIDS.pbeWithMD5AndDES), der.seq(der.octets(randomBytes(8)), der.int(2048)))
      : der.seq(
          der.oid(OIDS.pbes2),
          der.seq(
            der.seq(der.oid(OIDS.scrypt), der.seq(der.octets(randomBytes(8)), der.int(16384), der.int(8), der.int(1))),
            der.seq(der.oid(OIDS["aes-256-cbc"]), der.octets(randomBytes(16))),
          ),
        );
  return pem("ENCRYPTED PRIVATE KEY", der.seq(algorithm, der.octets(randomBytes(1232))));
}

/** Node decrypts it with the passphrase and finds the same key: the hand-built vector is right. */
export function nodeReads(encryptedPem: string, passphrase: string, key: KeyObject): boolean {
  const read = createPrivateKey({ key: encryptedPem, format: "pem", passphrase });
  return read.export({ type: "pkcs8", format: "der" }).equals(key.export({ type: "pkcs8", format: "der" }));
}

/** The forms Node (OpenSSL 3) writes: PKCS#8 PBES2 (PBKDF2-HMAC-SHA256) and legacy PKCS#1 with DEK-Info. */
export function nodeEncryptedForms(key: KeyObject, passphrase: string): Array<[string, string]> {
  const forms: Array<[string, string]> = [];
  for (const cipher of ["aes-256-cbc", "aes-128-cbc", "aes-192-cbc", "des-ede3-cbc"]) {
    forms.push([`PKCS#8 ${cipher}`, key.export({ type: "pkcs8", format: "pem", cipher, passphrase }).toString()]);
    forms.push([`legacy PKCS#1 ${cipher.toUpperCase()}`, key.export({ type: "pkcs1", format: "pem", cipher, passphrase }).toString()]);
  }
  return forms;
}

/** The RSAPrivateKey fields of a key, as big-endian bytes (from its JWK). */
export function rsaFields(key: KeyObject): Record<"n" | "e" | "d" | "p" | "q" | "dp" | "dq" | "qi", Buffer> {
  const jwk = key.export({ format: "jwk" }) as Record<string, string>;
  const field = (name: string) => Buffer.from(jwk[name] ?? "", "base64url");
  return { n: field("n"), e: field("e"), d: field("d"), p: field("p"), q: field("q"), dp: field("dp"), dq: field("dq"), qi: field("qi") };
}

/** A PKCS#1 "RSA PRIVATE KEY" PEM from fields, any of them changed: for damaged and forged keys. */
export function pkcs1Pem(fields: ReturnType<typeof rsaFields>, version = 0): string {
  const { n, e, d, p, q, dp, dq, qi } = fields;
  return pem("RSA PRIVATE KEY", der.seq(der.int(version), ...[n, e, d, p, q, dp, dq, qi].map((value) => der.uint(value))));
}
