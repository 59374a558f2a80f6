// AES and (triple) DES decryption in CBC mode with PKCS#7 padding: the ciphers encrypted PEM keys use.
// Decryption only, byte-oriented and table-light on purpose: a key is a kilobyte or two, and every byte
// of code here travels inside the collection (@noble/ciphers' AES would add 1.9 KB deflated). Checked
// against SP 800-38A, SP 800-67, SP 800-20 and FIPS 81 (test/unit/crypto-vectors.test.ts) and node:crypto.

import type { Bytes } from "./digests.js";

export type BlockDecrypt = (block: number[]) => number[];

let sbox: number[] | undefined;
let inverse: number[] | undefined;

/** GF(2^8) product with AES's polynomial. */
function times(a: number, b: number): number {
  let product = 0;
  for (; b; b >>= 1, a = ((a << 1) ^ (a & 0x80 ? 0x11b : 0)) & 255) if (b & 1) product ^= a;
  return product;
}

function aesTables(): [number[], number[]] {
  if (!sbox || !inverse) {
    sbox = [0x63];
    inverse = [];
    inverse[0x63] = 0;
    // p runs through the multiplicative group by powers of 3, q through the inverses; then the affine map.
    let p = 1;
    let q = 1;
    do {
      p = (p ^ (p << 1) ^ (p & 0x80 ? 0x1b : 0)) & 255;
      q ^= q << 1;
      q ^= q << 2;
      q ^= q << 4;
      q &= 255;
      if (q & 0x80) q ^= 0x09;
      let s = q;
      for (let i = 1; i < 5; i++) s ^= ((q << i) | (q >> (8 - i))) & 255;
      sbox[p] = s ^ 0x63;
      inverse[s ^ 0x63] = p;
    } while (p !== 1);
  }
  return [sbox, inverse];
}

/** AES-128/192/256 (FIPS 197) decryption of one 16-byte block under `key`. */
export function aesDecryptor(key: Bytes): BlockDecrypt {
  const [s, inv] = aesTables();
  const nk = key.length / 4;
  const rounds = nk + 6;
  const w: number[] = Array.from(key);
  for (let i = key.length, rcon = 1; i < 16 * (rounds + 1); i += 4) {
    let t = w.slice(i - 4, i);
    if ((i / 4) % nk === 0) {
      t = [s[t[1]!]! ^ rcon, s[t[2]!]!, s[t[3]!]!, s[t[0]!]!];
      rcon = times(rcon, 2);
    } else if (nk > 6 && (i / 4) % nk === 4) t = t.map((byte) => s[byte]!);
    for (let j = 0; j < 4; j++) w[i + j] = w[i + j - 4 * nk]! ^ t[j]!;
  }
  return (block) => {
    let state = block.map((byte, i) => byte ^ w[16 * rounds + i]!);
    for (let round = rounds - 1; round >= 0; round--) {
      // InvShiftRows and InvSubBytes together, then AddRoundKey, then InvMixColumns (not after the last round).
      state = state.map((_, i) => inv[state[(i + 12 * (i % 4)) % 16]!]! ^ w[16 * round + i]!);
      if (round > 0) {
        state = state.map((_, i) => {
          const c = i & ~3;
          const r = i % 4;
          return [14, 11, 13, 9].reduce((sum, factor, j) => sum ^ times(state[c + ((r + j) % 4)]!, factor), 0);
        });
      }
    }
    return state;
  };
}

// DES (FIPS 46-3) tables, 1-based bit positions; IP, its inverse and E follow from simple formulas.
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7,
  62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
  44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const SBOXES =
  "e4d12fb83a6c59070f74e2d1a6cb953841e8d62bfc973a50fc8249175b3ea06df18e6b34972dc05a3d47f28ec01a69b50e7ba4d158c6932fd8a13f42b67c05e9" +
  "a09e63f51dc7b428d709346a285ecbf1d6498f30b12c5ae71ad069874fe3b52c7de3069a1285bc4fd8b56f03472c1ae9a690cb7df13e52843f06a1d8945bc72e" +
  "2c417ab6853fd0e9eb2c47d150fa3986421bad78f9c5630eb8c71e2d6f09a453c1af92680d34e75baf427c9561de0b389ef528c3704a1db6432c95fabe17608d" +
  "4b2ef08d3c975a61d0b7491ae35c2f8614bdc37eaf6805926bd814a7950fe23cd2846fb1a93e50c71fd8a374c56b0e927b419ce206adf35821e74a8dfc90356b";

let ip: number[] | undefined;

function permute(bits: readonly number[], table: readonly number[]): number[] {
  return table.map((position) => bits[position - 1]!);
}

function desSubkeys(key: Bytes): number[][] {
  const bits = Array.from({ length: 64 }, (_, i) => (key[i >> 3]! >> (7 - (i % 8))) & 1);
  let [c, d] = [permute(bits, PC1.slice(0, 28)), permute(bits, PC1.slice(28))];
  return [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1].map((shift) => {
    c = [...c.slice(shift), ...c.slice(0, shift)];
    d = [...d.slice(shift), ...d.slice(0, shift)];
    return permute([...c, ...d], PC2);
  });
}

function des(block: number[], subkeys: readonly number[][]): number[] {
  ip ??= Array.from({ length: 64 }, (_, i) => 8 * (7 - (i % 8)) + (i < 32 ? 2 * (i >> 3) + 2 : 2 * (i >> 3) - 7));
  const bits = permute(
    block.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1)),
    ip,
  );
  let [left, right] = [bits.slice(0, 32), bits.slice(32)];
  for (const subkey of subkeys) {
    const expanded = Array.from({ length: 48 }, (_, i) => right[(4 * ((i / 6) | 0) + (i % 6) + 31) % 32]! ^ subkey[i]!);
    const substituted: number[] = [];
    for (let box = 0; box < 8; box++) {
      const six = expanded.slice(6 * box, 6 * box + 6);
      const row = (six[0]! << 1) | six[5]!;
      const column = (six[1]! << 3) | (six[2]! << 2) | (six[3]! << 1) | six[4]!;
      const value = parseInt(SBOXES[64 * box + 16 * row + column]!, 16);
      substituted.push((value >> 3) & 1, (value >> 2) & 1, (value >> 1) & 1, value & 1);
    }
    [left, right] = [right, permute(substituted, P).map((bit, i) => bit ^ left[i]!)];
  }
  const out: number[] = [];
  const preoutput = [...right, ...left];
  ip.forEach((position, i) => {
    out[position - 1] = preoutput[i]!;
  });
  return Array.from({ length: 8 }, (_, i) => out.slice(8 * i, 8 * i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
}

/** DES-EDE3 (24-byte key) or single DES (8-byte key, the same as EDE with one key), one 8-byte block. */
export function desDecryptor(key: Bytes): BlockDecrypt {
  const keys = Array.from(key.length === 8 ? [key, key, key] : [0, 1, 2].map((i) => Array.from(key).slice(8 * i, 8 * i + 8)), desSubkeys);
  const reversed = keys.map((subkeys) => subkeys.slice().reverse());
  // EDE decryption: decrypt with K3, encrypt with K2, decrypt with K1.
  return (block) => des(des(des(block, reversed[2]!), keys[1]!), reversed[0]!);
}

/**
 * CBC decryption and PKCS#7 unpadding; undefined when the padding is wrong, which is how a wrong
 * passphrase usually shows (the caller also checks the structure of what comes out).
 */
export function cbcDecrypt(decrypt: BlockDecrypt, blockSize: number, iv: Bytes, data: Bytes): number[] | undefined {
  if (data.length === 0 || data.length % blockSize !== 0 || iv.length !== blockSize) return undefined;
  const out: number[] = [];
  const bytes = Array.from(data);
  let previous = Array.from(iv);
  for (let offset = 0; offset < bytes.length; offset += blockSize) {
    const block = bytes.slice(offset, offset + blockSize);
    out.push(...decrypt(block).map((byte, i) => byte ^ previous[i]!));
    previous = block;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > blockSize || out.slice(-pad).some((byte) => byte !== pad)) return undefined;
  return out.slice(0, -pad);
}
