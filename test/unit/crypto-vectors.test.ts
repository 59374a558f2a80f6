// Our hashes, HMAC, PBKDF2, AES and DES against published test vectors, typed in from the standards
// (not computed by another implementation): each block names its source.

import { describe, expect, it } from "vitest";
import { aesDecryptor, cbcDecrypt, desDecryptor } from "../../src/core/crypto/block-ciphers.js";
import { hash, hmac, MD5, pbkdf2, SHA1, SHA256, toHex, utf8Bytes, type HashAlgorithm } from "../../src/core/crypto/digests.js";

const hex = (text: string): number[] => (text.replace(/\s+/g, "").match(/../g) ?? []).map((pair) => parseInt(pair, 16));
const bytes = (text: string): number[] => utf8Bytes(text);
const repeat = (byte: number, count: number): number[] => new Array<number>(count).fill(byte);
const same = (actual: ArrayLike<number>, expected: string): void => expect(toHex(actual)).toBe(expected.replace(/\s+/g, "").toLowerCase());

const ABC_448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const MILLION_A = repeat(0x61, 1_000_000);

describe("SHA-1 (FIPS 180-4 examples: NIST CSRC 'SHA1.pdf', 'SHA1 two block' and the million-a message of FIPS 180-2 App. A)", () => {
  it("one block, two blocks, a million 'a'", () => {
    same(hash(SHA1, bytes("abc")), "a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d");
    same(hash(SHA1, bytes(ABC_448)), "84983e44 1c3bd26e baae4aa1 f95129e5 e54670f1");
    same(hash(SHA1, MILLION_A), "34aa973c d4c4daa4 f61eeb2b dbad2731 6534016f");
  });
});

describe("SHA-256 (FIPS 180-4 examples: NIST CSRC 'SHA256.pdf', FIPS 180-2 App. B.1-B.3)", () => {
  it("one block, two blocks, a million 'a'", () => {
    same(hash(SHA256, bytes("abc")), "ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad");
    same(hash(SHA256, bytes(ABC_448)), "248d6a61 d20638b8 e5c02693 0c3e6039 a33ce459 64ff2167 f6ecedd4 19db06c1");
    same(hash(SHA256, MILLION_A), "cdc76e5c 9914fb92 81a1c7e2 84d73e67 f1809a48 a497200e 046d39cc c7112cd0");
  });
});

describe("MD5 (RFC 1321 App. A.5, the test suite)", () => {
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
  ])("MD5(%j)", (message, digest) => same(hash(MD5, bytes(message)), digest));
});

// RFC 2202 §2 (HMAC-MD5) and §3 (HMAC-SHA-1), RFC 4231 §4 (HMAC-SHA-256): test cases 1, 2, 3, 6, 7.
const LARGER_KEY = "Test Using Larger Than Block-Size Key - Hash Key First";
const LARGER_BOTH = "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data";
const RFC4231_7 =
  "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.";
const HMAC_CASES: Array<[string, HashAlgorithm, number[], number[], string]> = [
  ["RFC 2202 HMAC-MD5 1", MD5, repeat(0x0b, 16), bytes("Hi There"), "9294727a3638bb1c13f48ef8158bfc9d"],
  ["RFC 2202 HMAC-MD5 2", MD5, bytes("Jefe"), bytes("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738"],
  ["RFC 2202 HMAC-MD5 3", MD5, repeat(0xaa, 16), repeat(0xdd, 50), "56be34521d144c88dbb8c733f0e8b3f6"],
  ["RFC 2202 HMAC-MD5 6", MD5, repeat(0xaa, 80), bytes(LARGER_KEY), "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"],
  ["RFC 2202 HMAC-MD5 7", MD5, repeat(0xaa, 80), bytes(LARGER_BOTH), "6f630fad67cda0ee1fb1f562db3aa53e"],
  ["RFC 2202 HMAC-SHA-1 1", SHA1, repeat(0x0b, 20), bytes("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"],
  ["RFC 2202 HMAC-SHA-1 2", SHA1, bytes("Jefe"), bytes("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"],
  ["RFC 2202 HMAC-SHA-1 3", SHA1, repeat(0xaa, 20), repeat(0xdd, 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"],
  ["RFC 2202 HMAC-SHA-1 6", SHA1, repeat(0xaa, 80), bytes(LARGER_KEY), "aa4ae5e15272d00e95705637ce8a3b55ed402112"],
  ["RFC 2202 HMAC-SHA-1 7", SHA1, repeat(0xaa, 80), bytes(LARGER_BOTH), "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"],
  [
    "RFC 4231 HMAC-SHA-256 1",
    SHA256,
    repeat(0x0b, 20),
    bytes("Hi There"),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  ],
  [
    "RFC 4231 HMAC-SHA-256 2",
    SHA256,
    bytes("Jefe"),
    bytes("what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  ],
  [
    "RFC 4231 HMAC-SHA-256 3",
    SHA256,
    repeat(0xaa, 20),
    repeat(0xdd, 50),
    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
  ],
  [
    "RFC 4231 HMAC-SHA-256 6",
    SHA256,
    repeat(0xaa, 131),
    bytes(LARGER_KEY),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  ],
  [
    "RFC 4231 HMAC-SHA-256 7",
    SHA256,
    repeat(0xaa, 131),
    bytes(RFC4231_7),
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  ],
];

describe("HMAC (RFC 2202, RFC 4231)", () => {
  it.each(HMAC_CASES)("%s", (_name, algorithm, key, message, mac) => same(hmac(algorithm, key, message), mac));
});

describe("PBKDF2", () => {
  // RFC 6070 §2 (PBKDF2-HMAC-SHA1); the 16777216-iteration case is left out: we refuse over 100000.
  it.each([
    ["password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"],
    ["password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"],
    ["password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"],
    ["passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"],
    ["pass\u0000word", "sa\u0000lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"],
  ])("RFC 6070 HMAC-SHA1 P=%j S=%j c=%i dkLen=%i", (password, salt, iterations, length, key) =>
    same(pbkdf2(SHA1, bytes(password), bytes(salt), iterations, length), key),
  );

  // RFC 7914 §11 (the PBKDF2-HMAC-SHA256 vectors of the scrypt RFC); its 80000-iteration case takes 2 s here,
  // and the iteration loop is the one RFC 6070 checks above at 4096.
  it.each([
    [
      "passwd",
      "salt",
      1,
      "55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc 49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83",
    ],
  ])("RFC 7914 HMAC-SHA256 P=%j S=%j c=%i dkLen=64", (password, salt, iterations, key) =>
    same(pbkdf2(SHA256, bytes(password), bytes(salt), iterations, 64), key),
  );
});

// NIST SP 800-38A App. F.2.2, F.2.4, F.2.6 (CBC-AES128/192/256.Decrypt): the same IV and plaintext for the three keys.
const SP800_38A_IV = "000102030405060708090a0b0c0d0e0f";
const SP800_38A_PLAIN =
  "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";

/** CBC decryption without unpadding (the vectors have none): each block decrypted and XORed with the one before. */
function cbcRaw(decrypt: (block: number[]) => number[], size: number, iv: number[], data: number[]): number[] {
  const out: number[] = [];
  for (let offset = 0, previous = iv; offset < data.length; offset += size) {
    const block = data.slice(offset, offset + size);
    out.push(...decrypt(block).map((byte, i) => byte ^ previous[i]!));
    previous = block;
  }
  return out;
}

describe("AES-CBC decryption (NIST SP 800-38A App. F.2)", () => {
  it.each([
    [
      "F.2.2 CBC-AES128",
      "2b7e151628aed2a6abf7158809cf4f3c",
      "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2 73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7",
    ],
    [
      "F.2.4 CBC-AES192",
      "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
      "4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a 571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd",
    ],
    [
      "F.2.6 CBC-AES256",
      "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
      "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d 39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b",
    ],
  ])("%s", (_name, key, ciphertext) => same(cbcRaw(aesDecryptor(hex(key)), 16, hex(SP800_38A_IV), hex(ciphertext)), SP800_38A_PLAIN));
});

describe("TDEA / DES decryption", () => {
  // NIST SP 800-67 (Rev. 1 and 2) App. B, the TDEA ECB example; "qufck" is the standard's own text.
  it("SP 800-67 three-key example: 'The qufck brown fox jump'", () => {
    const decrypt = desDecryptor(hex("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123"));
    const ciphertext = hex("A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900");
    const plain = [0, 8, 16].flatMap((offset) => decrypt(ciphertext.slice(offset, offset + 8)));
    same(plain, "5468652071756663 6B2062726F776E20 666F78206A756D70");
  });

  // NIST SP 800-20 Table 1, the variable-plaintext known-answer test (key 01…01, so TDEA is DES).
  it.each([
    ["8000000000000000", "95F8A5E5DD31D900"],
    ["4000000000000000", "DD7F121CA5015619"],
    ["2000000000000000", "2E8653104F3834EA"],
  ])("SP 800-20 variable plaintext: %s", (plain, ciphertext) => same(desDecryptor(hex("0101010101010101"))(hex(ciphertext)), plain));

  // FIPS 81 App. C, Table C1 (DES CBC mode, key 0123456789abcdef, IV 1234567890abcdef).
  it("FIPS 81 CBC example: 'Now is the time for all '", () => {
    const decrypt = desDecryptor(hex("0123456789abcdef"));
    const ciphertext = hex("e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6");
    same(cbcRaw(decrypt, 8, hex("1234567890abcdef"), ciphertext), toHex(bytes("Now is the time for all ")));
  });
});

describe("cbcDecrypt on a published vector", () => {
  it("unpads: SP 800-38A's first two AES-128 blocks, the second read as padding, are refused", () => {
    const data = hex("7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2");
    // The plaintext's last byte is 0x51, not a padding byte: a wrong passphrase looks exactly like this.
    expect(cbcDecrypt(aesDecryptor(hex("2b7e151628aed2a6abf7158809cf4f3c")), 16, hex(SP800_38A_IV), data)).toBeUndefined();
  });
});
