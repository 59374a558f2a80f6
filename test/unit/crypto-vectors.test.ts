// Our thin wrappers over the audited libraries (@noble/hashes, @noble/ciphers) and des.js against published test
// vectors, typed in from the standards (not computed by another implementation): each block names its source.
// What the wrappers add is small (argument shapes, padding, EVP_BytesToKey's chaining); the vectors show it is right.

import { describe, expect, it } from "vitest";
import { toHex, utf8Bytes } from "../../src/core/crypto/bytes.js";
import { cbcDecrypt } from "../../src/core/crypto/cbc.js";
import { evpBytesToKey, pbkdf2 } from "../../src/core/crypto/key-derivation.js";
import { sha256Hex } from "../../src/core/crypto/sha256.js";

const hex = (text: string): number[] => (text.replace(/\s+/g, "").match(/../g) ?? []).map((pair) => parseInt(pair, 16));
const bytes = (text: string): Uint8Array => utf8Bytes(text);
const digits = (text: string): string => text.replace(/\s+/g, "").toLowerCase();
const same = (actual: ArrayLike<number> | undefined, expected: string): void => expect(toHex(actual ?? [])).toBe(digits(expected));

const ABC_448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

describe("sha256Hex (FIPS 180-4 examples: NIST CSRC 'SHA256.pdf', FIPS 180-2 App. B.1-B.3)", () => {
  it("one block, two blocks, a million 'a'; text and bytes alike", () => {
    expect(sha256Hex("abc")).toBe(digits("ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad"));
    expect(sha256Hex(bytes(ABC_448))).toBe(digits("248d6a61 d20638b8 e5c02693 0c3e6039 a33ce459 64ff2167 f6ecedd4 19db06c1"));
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      digits("cdc76e5c 9914fb92 81a1c7e2 84d73e67 f1809a48 a497200e 046d39cc c7112cd0"),
    );
  });
});

describe("evpBytesToKey: MD5 (RFC 1321 App. A.5, the test suite) for the first block, its chaining after", () => {
  // With no salt and 16 bytes the key is MD5(password): the RFC's vectors, through our wrapper.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
  ])("MD5(%j)", (message, digest) => same(evpBytesToKey(bytes(message), new Uint8Array(0), 16), digest));

  it("the salt follows the password: MD5('message' || ' digest')", () => {
    same(evpBytesToKey(bytes("message"), bytes(" digest"), 16), "f96b697d7cb7938d525a2f31aaf161d0");
  });
});

describe("pbkdf2", () => {
  // RFC 6070 §2 (PBKDF2-HMAC-SHA1); the 16777216-iteration case is left out: we refuse over 100000.
  it.each([
    ["password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"],
    ["password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"],
    ["password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"],
    ["passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"],
    ["pass\u0000word", "sa\u0000lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"],
  ])("RFC 6070 HMAC-SHA1 P=%j S=%j c=%i dkLen=%i", (password, salt, iterations, length, key) =>
    same(pbkdf2("HMAC-SHA1", bytes(password), bytes(salt), iterations, length), key),
  );

  // RFC 7914 §11 (the PBKDF2-HMAC-SHA256 vectors of the scrypt RFC); its 80000-iteration case takes seconds.
  it("RFC 7914 HMAC-SHA256 P=passwd S=salt c=1 dkLen=64", () =>
    same(
      pbkdf2("HMAC-SHA256", bytes("passwd"), bytes("salt"), 1, 64),
      "55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc 49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83",
    ));
});

// NIST SP 800-38A App. F.2.2, F.2.4, F.2.6 (CBC-AES128/192/256.Decrypt): the same IV and plaintext for the three keys.
const SP800_38A_IV = "000102030405060708090a0b0c0d0e0f";
const SP800_38A_PLAIN =
  "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";

describe("cbcDecrypt, AES (NIST SP 800-38A App. F.2; the vectors have no padding)", () => {
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
  ])("%s", (_name, key, ciphertext) => same(cbcDecrypt("AES", hex(key), hex(SP800_38A_IV), hex(ciphertext), false), SP800_38A_PLAIN));

  it("unpadding: the first two AES-128 blocks, the second read as padding, are refused", () => {
    const data = hex("7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2");
    // The plaintext's last byte is 0x51, not a padding byte: a wrong passphrase looks exactly like this.
    expect(cbcDecrypt("AES", hex("2b7e151628aed2a6abf7158809cf4f3c"), hex(SP800_38A_IV), data)).toBeUndefined();
  });
});

describe("cbcDecrypt, TDEA and DES (des.js)", () => {
  const ZERO_IV = new Array<number>(8).fill(0);
  /** ECB through CBC: one block at a time with a zero IV. */
  const ecb = (key: number[], ciphertext: number[]) =>
    [...Array(ciphertext.length / 8).keys()].flatMap(
      (i) => cbcDecrypt("DES", key, ZERO_IV, ciphertext.slice(8 * i, 8 * i + 8), false) ?? [],
    );

  // NIST SP 800-67 (Rev. 1 and 2) App. B, the TDEA ECB example; "qufck" is the standard's own text.
  it("SP 800-67 three-key example: 'The qufck brown fox jump'", () => {
    const key = hex("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123");
    same(ecb(key, hex("A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900")), "5468652071756663 6B2062726F776E20 666F78206A756D70");
  });

  // NIST SP 800-20 Table 1, the variable-plaintext known-answer test (key 01…01: single DES, an 8-byte key).
  it.each([
    ["8000000000000000", "95F8A5E5DD31D900"],
    ["4000000000000000", "DD7F121CA5015619"],
    ["2000000000000000", "2E8653104F3834EA"],
  ])("SP 800-20 variable plaintext: %s", (plain, ciphertext) => same(ecb(hex("0101010101010101"), hex(ciphertext)), plain));

  // FIPS 81 App. C, Table C1 (DES CBC mode, key 0123456789abcdef, IV 1234567890abcdef).
  it("FIPS 81 CBC example: 'Now is the time for all '", () => {
    const ciphertext = hex("e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6");
    same(cbcDecrypt("DES", hex("0123456789abcdef"), hex("1234567890abcdef"), ciphertext, false), toHex(bytes("Now is the time for all ")));
  });
});
