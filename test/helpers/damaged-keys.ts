// Damaged and wrong private keys, each with the error code the key reader must answer: a must-refuse list.
// Built at test time from a fresh key's numbers (node:crypto's JWK export), re-encoded with one thing wrong.

import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { der, pem } from "./encrypted-keys.js";

export type KeyErrorCode = "ERR_PRIVATE_KEY_FORMAT" | "ERR_PRIVATE_KEY_TYPE" | "ERR_PRIVATE_KEY_SIZE";

export interface DamagedKey {
  readonly name: string;
  readonly text: string;
  readonly code: KeyErrorCode;
}

const FIELDS = ["n", "e", "d", "p", "q", "dp", "dq", "qi"] as const;
type Numbers = Record<(typeof FIELDS)[number], Buffer>;

function numbers(key: KeyObject): Numbers {
  const jwk = key.export({ format: "jwk" }) as Record<string, string>;
  return Object.fromEntries(FIELDS.map((field) => [field, Buffer.from(jwk[field]!, "base64url")])) as Numbers;
}

/** RSAPrivateKey (RFC 8017 A.1.2) from its numbers, with an optional version and extra elements. */
function rsaPrivateKey(values: Numbers, version = 0, extra: Buffer[] = []): Buffer {
  return der.seq(der.int(version), ...FIELDS.map((field) => der.uint(values[field])), ...extra);
}

/** One bit changed in one byte of one number (a character changed in transit). */
function changed(values: Numbers, field: keyof Numbers): Numbers {
  const copy = Buffer.from(values[field]);
  copy[40] = copy[40]! ^ 0x10;
  return { ...values, [field]: copy };
}

const pkcs1 = (body: Buffer): string => pem("RSA PRIVATE KEY", body);

function body(text: string): string {
  return text.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
}

function rewrapped(label: string, base64: string): string {
  return `-----BEGIN ${label}-----\n${base64.replace(/(.{64})/g, "$1\n")}\n-----END ${label}-----\n`;
}

/** Every key here must be refused with its code: none can sign, whatever a lenient reader would do with it. */
export function mustRefuse(): DamagedKey[] {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const values = numbers(privateKey);
  const pkcs8 = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const pkcs8Body = body(pkcs8);
  const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const ed25519 = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const format = (name: string, text: string): DamagedKey => ({ name, text, code: "ERR_PRIVATE_KEY_FORMAT" });
  return [
    format("PKCS#8 cut after 200 characters", rewrapped("PRIVATE KEY", pkcs8Body.slice(0, 200))),
    format("PKCS#8 without its last 40 characters", rewrapped("PRIVATE KEY", pkcs8Body.slice(0, -40))),
    format(
      "PKCS#8 with its SEQUENCE header changed",
      rewrapped("PRIVATE KEY", `MII${pkcs8Body.slice(3, 4) === "E" ? "F" : "E"}${pkcs8Body.slice(4)}`),
    ),
    format("four zero bytes", rewrapped("PRIVATE KEY", "AAAA")),
    format("an empty SEQUENCE", rewrapped("PRIVATE KEY", "MAA=")),
    format("base64 of plain text", rewrapped("PRIVATE KEY", Buffer.from("not a key at all, just text").toString("base64"))),
    format("modulus changed", pkcs1(rsaPrivateKey(changed(values, "n")))),
    format("prime p changed", pkcs1(rsaPrivateKey(changed(values, "p")))),
    format("prime q changed", pkcs1(rsaPrivateKey(changed(values, "q")))),
    format("CRT exponent dp changed", pkcs1(rsaPrivateKey(changed(values, "dp")))),
    format("CRT exponent dq changed", pkcs1(rsaPrivateKey(changed(values, "dq")))),
    format("CRT coefficient qi changed", pkcs1(rsaPrivateKey(changed(values, "qi")))),
    format("public exponent changed", pkcs1(rsaPrivateKey({ ...values, e: Buffer.from([1, 0, 3]) }))),
    format("p and q swapped (qi no longer fits)", pkcs1(rsaPrivateKey({ ...values, p: values.q, q: values.p }))),
    format("qi missing", pkcs1(der.seq(der.int(0), ...FIELDS.slice(0, 7).map((field) => der.uint(values[field]))))),
    format("an extra INTEGER after qi", pkcs1(rsaPrivateKey(values, 0, [der.int(5)]))),
    format("two bytes after the key", pkcs1(Buffer.concat([rsaPrivateKey(values), Buffer.from([0, 0])]))),
    { name: "version 1 (multi-prime)", text: pkcs1(rsaPrivateKey(values, 1)), code: "ERR_PRIVATE_KEY_TYPE" },
    { name: "an EC key", text: ec, code: "ERR_PRIVATE_KEY_TYPE" },
    { name: "an Ed25519 key", text: ed25519, code: "ERR_PRIVATE_KEY_TYPE" },
    {
      name: "a public key under a private key's label",
      text: rewrapped("PRIVATE KEY", body(publicKey.export({ type: "spki", format: "pem" }).toString())),
      code: "ERR_PRIVATE_KEY_FORMAT",
    },
    { name: "a public key", text: publicKey.export({ type: "spki", format: "pem" }).toString(), code: "ERR_PRIVATE_KEY_TYPE" },
    { name: "a 1024-bit key", text: small.export({ type: "pkcs8", format: "pem" }).toString(), code: "ERR_PRIVATE_KEY_SIZE" },
  ];
}

/** Damage that leaves a key that still signs correctly: RSA with CRT never uses d, so a changed d goes unseen. */
export function stillSigns(): { name: string; text: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { name: "private exponent d changed", text: pkcs1(rsaPrivateKey(changed(numbers(privateKey), "d"))), publicKey };
}
