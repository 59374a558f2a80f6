// Our MD5, SHA-1, SHA-256, HMAC and PBKDF2 (carried inside the collection) against node:crypto, on random inputs
// from a printed seed: DIGESTS_SEED=<n> replays them (DIGESTS_SEED=random picks a new one).

import { createHash, createHmac, pbkdf2Sync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hash, hmac, MD5, pbkdf2, SHA1, SHA256, toHex, utf8Bytes, type HashAlgorithm } from "../../src/core/crypto/digests.js";
import { Random } from "../helpers/fuzz-values.js";

const SEED = process.env.DIGESTS_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.DIGESTS_SEED ?? 1_321);
const random = new Random(SEED);
beforeAll(() => console.log(`digests: seed ${SEED}; replay with DIGESTS_SEED=${SEED} npx vitest run test/unit/digests.test.ts`));
const randomBytes = (length: number): Buffer => Buffer.from(Array.from({ length }, () => random.int(256)));
const randomInt = (min: number, max?: number): number => (max === undefined ? random.int(min) : min + random.int(max - min));

const digests: Array<[string, HashAlgorithm]> = [
  ["md5", MD5],
  ["sha1", SHA1],
  ["sha256", SHA256],
];

/** Lengths around the padding boundaries (55, 56, 64 bytes) and some longer ones. */
const LENGTHS = [0, 1, 3, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099];

describe.each(digests)("%s", (name, algorithm) => {
  it.each(LENGTHS)("matches node:crypto on %i random bytes", (length) => {
    for (let round = 0; round < 4; round++) {
      const message = randomBytes(length);
      expect(toHex(hash(algorithm, message))).toBe(createHash(name).update(message).digest("hex"));
    }
  });

  it("HMAC matches node:crypto, with short and over-long keys", () => {
    for (const keyLength of [0, 1, 20, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength);
      const message = randomBytes(randomInt(200));
      expect(toHex(hmac(algorithm, key, message))).toBe(createHmac(name, key).update(message).digest("hex"));
    }
  });
});

describe("pbkdf2", () => {
  it.each([
    ["sha1", SHA1],
    ["sha256", SHA256],
  ] as const)("with HMAC-%s matches node:crypto (random passwords, salts, iteration counts, key lengths)", (name, algorithm) => {
    for (let round = 0; round < 12; round++) {
      const password = randomBytes(randomInt(40));
      const salt = randomBytes(randomInt(1, 24));
      const iterations = randomInt(1, 300);
      const length = [8, 16, 24, 32, 45, 64][round % 6]!;
      expect(toHex(pbkdf2(algorithm, password, salt, iterations, length))).toBe(
        pbkdf2Sync(password, salt, iterations, length, name).toString("hex"),
      );
    }
  });
});

describe("utf8Bytes", () => {
  it("encodes like Buffer, astral characters included", () => {
    const text = "pässwörd €10 😀 ✓";
    expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, "utf8"));
  });
});
