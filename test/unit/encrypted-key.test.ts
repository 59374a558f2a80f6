// Encrypted private keys with PRIVATE_KEY_PASSPHRASE: every form OpenSSL and Node write, and each way it can go wrong.

import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { MAX_PBKDF2_ITERATIONS } from "../../src/core/keys/encrypted-key.js";
import { loadPrivateKey, rsaBits } from "../../src/core/keys/private-key.js";
import { nodeEncryptedForms, nodeReads, otherSchemePem, OIDS, pbes2Pem, type Pbes2Options } from "../helpers/encrypted-keys.js";

const PASSPHRASE = "correct horse battery staple ✓";
let key: KeyObject;
let modulus: string;
beforeAll(() => {
  key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  modulus = (key.export({ format: "jwk" }) as { n: string }).n;
});

/** The modulus of what loadPrivateKey read, as base64url: the same key, not just some key. */
function modulusOf(text: string, passphrase: string): string {
  const loaded = loadPrivateKey(text, passphrase) as unknown as { n: { toString(radix: number): string } };
  expect(rsaBits(loaded as never)).toBe(2048);
  return Buffer.from(loaded.n.toString(16).padStart(512, "0"), "hex").toString("base64url");
}

function refusal(text: string, passphrase: string): ImsAuthError {
  try {
    loadPrivateKey(text, passphrase);
  } catch (error) {
    if (error instanceof ImsAuthError) return error;
    throw error;
  }
  throw new Error("the key was accepted");
}

describe("decrypts what Node (OpenSSL 3) writes", () => {
  it("every cipher, PKCS#8 and legacy PKCS#1", () => {
    const forms = nodeEncryptedForms(key, PASSPHRASE);
    expect(forms.length).toBe(8);
    for (const [name, text] of forms) expect([name, modulusOf(text, PASSPHRASE)]).toEqual([name, modulus]);
  });

  it("with the forms of pasting on top: literal \\n escapes, JSON quotes, base64 of the PEM", () => {
    const pem = key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }).toString();
    const legacy = key.export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }).toString();
    for (const text of [
      pem.replace(/\n/g, "\\n"),
      JSON.stringify(legacy),
      Buffer.from(legacy).toString("base64"),
      legacy.replace(/\n/g, "\r\n"),
    ]) {
      expect(modulusOf(text, PASSPHRASE)).toBe(modulus);
    }
  });

  it("a passphrase with a copied line ending still works (tried as given, then trimmed)", () => {
    const pem = key.export({ type: "pkcs8", format: "pem", cipher: "aes-128-cbc", passphrase: "secret-pass" }).toString();
    expect(modulusOf(pem, "secret-pass\n")).toBe(modulus);
  });

  it("an unencrypted key ignores a passphrase", () => {
    expect(modulusOf(key.export({ type: "pkcs8", format: "pem" }).toString(), "unused")).toBe(modulus);
  });
});

describe("decrypts PBES2 variants built by hand (each checked against Node first)", () => {
  it.each<[string, Pbes2Options]>([
    ["PBKDF2-HMAC-SHA1 by default (OpenSSL 1.0), AES-256-CBC", {}],
    ["PBKDF2-HMAC-SHA1 named, AES-128-CBC", { prf: "hmacWithSHA1", cipher: "aes-128-cbc" }],
    ["PBKDF2-HMAC-SHA256, AES-192-CBC, key length given", { prf: "hmacWithSHA256", cipher: "aes-192-cbc", keyLength: true }],
    ["PBKDF2-HMAC-SHA256, DES-EDE3-CBC, 1 iteration", { prf: "hmacWithSHA256", cipher: "des-ede3-cbc", iterations: 1 }],
    ["PBKDF2-HMAC-SHA1, 4096 iterations", { prf: "hmacWithSHA1", iterations: 4096 }],
  ])("%s", (_name, options) => {
    const pem = pbes2Pem(key, PASSPHRASE, options);
    expect(nodeReads(pem, PASSPHRASE, key)).toBe(true);
    expect(modulusOf(pem, PASSPHRASE)).toBe(modulus);
  });
});

describe("refuses, each with its own message, never quoting the passphrase", () => {
  const encrypted = () => key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }).toString();
  const legacy = () => key.export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: PASSPHRASE }).toString();

  it.each([
    [
      "no passphrase (PKCS#8)",
      encrypted,
      "",
      "ERR_PRIVATE_KEY_PASSPHRASE",
      "PRIVATE_KEY_PASSPHRASE",
      /^PRIVATE_KEY is encrypted, but PRIVATE_KEY_PASSPHRASE is not set/,
    ],
    ["no passphrase (legacy)", legacy, "  ", "ERR_PRIVATE_KEY_PASSPHRASE", "PRIVATE_KEY_PASSPHRASE", /is not set/],
    [
      "a placeholder passphrase",
      encrypted,
      "{{PRIVATE_KEY_PASSPHRASE}}",
      "ERR_PRIVATE_KEY_PASSPHRASE",
      "PRIVATE_KEY_PASSPHRASE",
      /is not filled in/,
    ],
    [
      "a wrong passphrase (PKCS#8)",
      encrypted,
      "wrong passphrase 123",
      "ERR_PRIVATE_KEY_PASSPHRASE",
      "PRIVATE_KEY_PASSPHRASE",
      /^PRIVATE_KEY_PASSPHRASE does not decrypt PRIVATE_KEY/,
    ],
    [
      "a wrong passphrase (legacy)",
      legacy,
      "wrong passphrase 123",
      "ERR_PRIVATE_KEY_PASSPHRASE",
      "PRIVATE_KEY_PASSPHRASE",
      /does not decrypt/,
    ],
    [
      "PBES1",
      () => otherSchemePem("pbes1"),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_ENCRYPTION",
      "PRIVATE_KEY",
      /encrypted with the old PBES1 scheme \(1\.2\.840\.113549\.1\.5\.3\)/,
    ],
    ["scrypt", () => otherSchemePem("scrypt"), PASSPHRASE, "ERR_PRIVATE_KEY_ENCRYPTION", "PRIVATE_KEY", /encrypted with scrypt/],
    [
      "HMAC-SHA512",
      () => pbes2Pem(key, PASSPHRASE, { prf: "hmacWithSHA512" }),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_ENCRYPTION",
      "PRIVATE_KEY",
      /encrypted with HMAC-SHA512/,
    ],
    [
      "an unknown cipher",
      () => pbes2Pem(key, PASSPHRASE, { cipherOid: OIDS["camellia-256-cbc"] }),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_ENCRYPTION",
      "PRIVATE_KEY",
      /algorithm 1\.2\.392\.200011\.61\.1\.1\.1\.4/,
    ],
    [
      "a legacy cipher we do not read",
      () => legacy().replace("DES-EDE3-CBC", "CAMELLIA-256-CBC"),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_ENCRYPTION",
      "PRIVATE_KEY",
      /encrypted with CAMELLIA-256-CBC.*openssl pkcs8 -topk8 -v2 aes-256-cbc/,
    ],
    [
      "too many PBKDF2 iterations, refused before any work",
      () => pbes2Pem(key, PASSPHRASE, { iterations: 50_000_000 }),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_ENCRYPTION",
      "PRIVATE_KEY",
      /50000000 PBKDF2 iterations; at most 100000/,
    ],
    [
      "a damaged encrypted key",
      () => encrypted().replace(/\n(.)(.)/, "\n$2$1"),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_FORMAT",
      "PRIVATE_KEY",
      /damaged/,
    ],
    [
      "a legacy encrypted key with a line missing (not a wrong passphrase)",
      () =>
        legacy()
          .split("\n")
          .filter((_, i) => i !== 6)
          .join("\n"),
      PASSPHRASE,
      "ERR_PRIVATE_KEY_FORMAT",
      "PRIVATE_KEY",
      /is incomplete/,
    ],
  ] as Array<[string, () => string, string, string, string, RegExp]>)("%s", (_name, text, passphrase, code, variable, message) => {
    const error = refusal(text(), passphrase);
    expect([error.code, error.variable]).toEqual([code, variable]);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(PASSPHRASE);
    if (passphrase.trim()) expect(error.message).not.toContain(passphrase.trim());
  });

  it("the iteration bound is what the message says", () => {
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000);
  });
});
