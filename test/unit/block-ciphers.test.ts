// Our AES-CBC and DES-EDE3-CBC decryption (carried inside the collection) against node:crypto, on random keys and data.

import { createCipheriv, randomBytes, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aesDecryptor, cbcDecrypt, desDecryptor } from "../../src/core/crypto/block-ciphers.js";

function encrypt(cipher: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const encryptor = createCipheriv(cipher, key, iv);
  return Buffer.concat([encryptor.update(data), encryptor.final()]);
}

describe("CBC decryption matches node:crypto's encryption", () => {
  it.each([
    ["aes-128-cbc", 16, 16],
    ["aes-192-cbc", 24, 16],
    ["aes-256-cbc", 32, 16],
    ["des-ede3-cbc", 24, 8],
  ] as const)("%s", (cipher, keyLength, blockSize) => {
    for (let round = 0; round < 8; round++) {
      const key = randomBytes(keyLength);
      const iv = randomBytes(blockSize);
      const data = randomBytes(randomInt(0, 300));
      const decrypt = cipher.startsWith("aes") ? aesDecryptor(key) : desDecryptor(key);
      expect(Buffer.from(cbcDecrypt(decrypt, blockSize, iv, encrypt(cipher, key, iv, data)) ?? [])).toEqual(data);
    }
  });

  it("single DES is EDE3 with one key three times", () => {
    const key = randomBytes(8);
    const iv = randomBytes(8);
    const data = randomBytes(40);
    const encrypted = encrypt("des-ede3-cbc", Buffer.concat([key, key, key]), iv, data);
    expect(Buffer.from(cbcDecrypt(desDecryptor(key), 8, iv, encrypted) ?? [])).toEqual(data);
  });
});

describe("cbcDecrypt refuses what cannot be a padded plaintext", () => {
  const key = randomBytes(16);
  const iv = randomBytes(16);

  it("a length that is not a whole number of blocks, an empty text, a wrong IV size", () => {
    expect(cbcDecrypt(aesDecryptor(key), 16, iv, randomBytes(31))).toBeUndefined();
    expect(cbcDecrypt(aesDecryptor(key), 16, iv, [])).toBeUndefined();
    expect(cbcDecrypt(aesDecryptor(key), 16, randomBytes(8), randomBytes(32))).toBeUndefined();
  });

  it("the wrong key almost always leaves bad padding", () => {
    const encrypted = encrypt("aes-128-cbc", key, iv, randomBytes(100));
    let accepted = 0;
    for (let round = 0; round < 200; round++) if (cbcDecrypt(aesDecryptor(randomBytes(16)), 16, iv, encrypted)) accepted++;
    expect(accepted).toBeLessThan(10);
  });
});
