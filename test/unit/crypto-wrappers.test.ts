// The wrappers' own glue against node:crypto, on fixed inputs: padding at every length, the ciphers' key sizes,
// what cannot be a padded plaintext, EVP_BytesToKey's chaining, UTF-8. The primitives are the libraries'.

import { createCipheriv, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toHex, utf8Bytes } from "../../src/core/crypto/bytes.js";
import { cbcDecrypt, type BlockCipher } from "../../src/core/crypto/cbc.js";
import { evpBytesToKey } from "../../src/core/crypto/key-derivation.js";
import { sha256Hex } from "../../src/core/crypto/sha256.js";

/** Fixed, varied bytes: the same on every run. */
const pattern = (length: number, seed: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 167 + seed * 59 + 13) & 255));

function encrypt(cipher: string, key: Buffer, iv: Buffer, data: Buffer, padding = true): Buffer {
  const encryptor = createCipheriv(cipher, key, iv).setAutoPadding(padding);
  return Buffer.concat([encryptor.update(data), encryptor.final()]);
}

describe("cbcDecrypt undoes node:crypto's encryption, padding included", () => {
  it.each([
    ["aes-128-cbc", "AES", 16, 16],
    ["aes-192-cbc", "AES", 24, 16],
    ["aes-256-cbc", "AES", 32, 16],
    ["des-ede3-cbc", "DES", 24, 8],
  ] as const)("%s, every plaintext length from 0 to 40 bytes", (name, cipher: BlockCipher, keyLength, blockSize) => {
    for (let length = 0; length <= 40; length++) {
      const [key, iv, data] = [pattern(keyLength, length), pattern(blockSize, length + 1), pattern(length, length + 2)];
      expect(Buffer.from(cbcDecrypt(cipher, key, iv, encrypt(name, key, iv, data)) ?? [0xff])).toEqual(data);
    }
  });

  it("single DES (an 8-byte key) is DES-EDE3 with that key three times", () => {
    const [key, iv, data] = [pattern(8, 1), pattern(8, 2), pattern(40, 3)];
    const encrypted = encrypt("des-ede3-cbc", Buffer.concat([key, key, key]), iv, data);
    expect(Buffer.from(cbcDecrypt("DES", key, iv, encrypted) ?? [])).toEqual(data);
  });
});

describe("cbcDecrypt refuses what cannot be a padded plaintext", () => {
  it("a length that is not a whole number of blocks, an empty text, a wrong IV size", () => {
    const key = pattern(16, 4);
    for (const cipher of ["AES", "DES"] as const) {
      const k = cipher === "AES" ? key : pattern(24, 4);
      const size = cipher === "AES" ? 16 : 8;
      expect(cbcDecrypt(cipher, k, pattern(size, 5), pattern(2 * size - 1, 6))).toBeUndefined();
      expect(cbcDecrypt(cipher, k, pattern(size, 5), [])).toBeUndefined();
      expect(cbcDecrypt(cipher, k, pattern(size / 2, 5), pattern(2 * size, 6))).toBeUndefined();
    }
  });

  it.each([
    ["aes-128-cbc", "AES", 16, 16],
    ["des-ede3-cbc", "DES", 24, 8],
  ] as const)("%s: a pad byte of 0, one above the block size, or padding bytes that differ", (name, cipher, keyLength, size) => {
    const [key, iv] = [pattern(keyLength, 7), pattern(size, 8)];
    const body = pattern(size, 9);
    const endings = [
      [...pattern(size - 1, 10), 0],
      [...pattern(size - 1, 10), size + 1],
      [...pattern(size - 2, 10), 1, 2],
    ];
    for (const ending of endings) {
      const encrypted = encrypt(name, key, iv, Buffer.concat([body, Buffer.from(ending)]), false);
      expect(cbcDecrypt(cipher, key, iv, encrypted)).toBeUndefined();
      // The same bytes, not unpadded, come back whole.
      expect(Buffer.from(cbcDecrypt(cipher, key, iv, encrypted, false) ?? [])).toEqual(Buffer.concat([body, Buffer.from(ending)]));
    }
  });

  it("the wrong key almost always leaves bad padding (200 fixed keys)", () => {
    const [key, iv] = [pattern(16, 11), pattern(16, 12)];
    const encrypted = encrypt("aes-128-cbc", key, iv, pattern(100, 13));
    let accepted = 0;
    for (let round = 0; round < 200; round++) if (cbcDecrypt("AES", pattern(16, 100 + round), iv, encrypted)) accepted++;
    expect(accepted).toBeLessThan(10);
  });
});

describe("evpBytesToKey", () => {
  it("chains MD5 blocks as OpenSSL's EVP_BytesToKey (count 1) does, for AES-128, DES-EDE3 and AES-256 key lengths", () => {
    const [password, salt] = [Buffer.from("pässwörd €10"), pattern(8, 14)];
    const d1 = createHash("md5").update(password).update(salt).digest();
    const d2 = createHash("md5").update(d1).update(password).update(salt).digest();
    for (const length of [16, 24, 32]) {
      expect(toHex(evpBytesToKey(password, salt, length))).toBe(Buffer.concat([d1, d2]).subarray(0, length).toString("hex"));
    }
  });
});

describe("bytes and text", () => {
  it("utf8Bytes encodes like Buffer, astral characters included", () => {
    const text = "pässwörd €10 😀 ✓";
    expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, "utf8"));
  });

  it("sha256Hex of text is the SHA-256 of its UTF-8; of bytes, of the bytes; toHex takes arrays too", () => {
    const text = "naïve € 😀";
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    expect(sha256Hex(new Uint8Array([0, 255, 128]))).toBe(
      createHash("sha256")
        .update(Buffer.from([0, 255, 128]))
        .digest("hex"),
    );
    expect(toHex([0, 1, 15, 16, 255])).toBe("00010f10ff");
  });
});
