// MD5, SHA-1 and SHA-256 on byte arrays, with HMAC and PBKDF2: what encrypted private keys need.
// Written out because jsrsasign's RSA-only build (the one the sandbox carries) has no MD5 and no PBKDF2,
// Newman's sandbox has no crypto, and @noble/hashes would add 2.8 KB deflated to the engine (README,
// "Hashes and ciphers"). Checked against published vectors (test/unit/crypto-vectors.test.ts) and node:crypto.

export type Bytes = ArrayLike<number>;

/** A Merkle-Damgard hash: initial state, compression of 16 words at `offset`, word order. */
export interface HashAlgorithm {
  readonly iv: readonly number[];
  readonly compress: (h: number[], w: readonly number[], offset: number) => void;
  readonly littleEndian?: boolean;
}

/** 32-bit words of the padded message; `prefix` bytes were already compressed (HMAC's key block). */
function paddedWords(message: Bytes, littleEndian: boolean | undefined, prefix: number): number[] {
  const bytes = Array.from(message);
  const bits = (prefix + bytes.length) * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  // Messages here are far below 2^32 bits: the high word of the length is 0.
  const length = [0, 0, 0, 0, bits >>> 24, (bits >>> 16) & 255, (bits >>> 8) & 255, bits & 255];
  bytes.push(...(littleEndian ? length.reverse() : length));
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const [a, b, c, d] = littleEndian
      ? [bytes[i + 3]!, bytes[i + 2]!, bytes[i + 1]!, bytes[i]!]
      : [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!];
    words.push(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  }
  return words;
}

/** The digest of `message`, continuing from `state` when part of the input was compressed already. */
export function hash(algorithm: HashAlgorithm, message: Bytes, state = algorithm.iv.slice(), prefix = 0): number[] {
  const words = paddedWords(message, algorithm.littleEndian, prefix);
  for (let offset = 0; offset < words.length; offset += 16) algorithm.compress(state, words, offset);
  const out: number[] = [];
  for (const word of state) {
    const bytes = [word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255];
    out.push(...(algorithm.littleEndian ? bytes.reverse() : bytes));
  }
  return out;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

function addInto(h: number[], values: readonly number[]): void {
  values.forEach((value, i) => {
    h[i] = (h[i]! + value) >>> 0;
  });
}

let sha256K: number[] | undefined;
let md5K: number[] | undefined;

export const SHA256: HashAlgorithm = {
  iv: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  compress(h, w, offset) {
    // The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    if (!sha256K) {
      sha256K = [];
      for (let candidate = 2; sha256K.length < 64; candidate++) {
        let prime = true;
        for (let divisor = 2; divisor * divisor <= candidate; divisor++) if (candidate % divisor === 0) prime = false;
        if (prime) sha256K.push(((Math.cbrt(candidate) % 1) * 2 ** 32) >>> 0);
      }
    }
    const s: number[] = [];
    for (let i = 0; i < 64; i++) {
      if (i < 16) s[i] = w[offset + i]!;
      else {
        const a = s[i - 15]!;
        const b = s[i - 2]!;
        s[i] = (s[i - 16]! + (rotl(a, 25) ^ rotl(a, 14) ^ (a >>> 3)) + s[i - 7]! + (rotl(b, 15) ^ rotl(b, 13) ^ (b >>> 10))) | 0;
      }
    }
    let [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotl(e, 26) ^ rotl(e, 21) ^ rotl(e, 7)) + ((e & f) ^ (~e & g)) + sha256K[i]! + s[i]!) | 0;
      const t2 = ((rotl(a, 30) ^ rotl(a, 19) ^ rotl(a, 10)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [k, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    addInto(h, [a, b, c, d, e, f, g, k]);
  },
};

export const SHA1: HashAlgorithm = {
  iv: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  compress(h, w, offset) {
    const s: number[] = [];
    for (let i = 0; i < 80; i++) s[i] = i < 16 ? w[offset + i]! : rotl(s[i - 3]! ^ s[i - 8]! ^ s[i - 14]! ^ s[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][(i / 20) | 0]!;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, (rotl(a, 5) + f + e + k + s[i]!) | 0];
    }
    addInto(h, [a, b, c, d, e]);
  },
};

/** Only for OpenSSL's legacy key derivation (EVP_BytesToKey), which is defined over MD5. */
export const MD5: HashAlgorithm = {
  iv: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
  littleEndian: true,
  compress(h, w, offset) {
    md5K ??= Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
    const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    let [a, b, c, d] = h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = [i, 5 * i + 1, 3 * i + 5, 7 * i][round]! % 16;
      [a, d, c, b] = [d, c, b, (b + rotl((a + f + md5K[i]! + w[offset + g]!) | 0, shifts[round * 4 + (i % 4)]!)) | 0];
    }
    addInto(h, [a, b, c, d]);
  },
};

/** HMAC (RFC 2104): the states after the inner and outer key blocks, and the MAC of a message. */
function hmacKey(algorithm: HashAlgorithm, key: Bytes): (message: Bytes) => number[] {
  const block = Array.from(key.length > 64 ? hash(algorithm, key) : key);
  while (block.length < 64) block.push(0);
  const keyed = (pad: number): number[] => {
    const state = algorithm.iv.slice();
    algorithm.compress(
      state,
      paddedWords(
        block.map((byte) => byte ^ pad),
        algorithm.littleEndian,
        0,
      ),
      0,
    );
    return state;
  };
  const inner = keyed(0x36);
  const outer = keyed(0x5c);
  return (message) => hash(algorithm, hash(algorithm, message, inner.slice(), 64), outer.slice(), 64);
}

export function hmac(algorithm: HashAlgorithm, key: Bytes, message: Bytes): number[] {
  return hmacKey(algorithm, key)(message);
}

/** PBKDF2 (RFC 8018 §5.2) with HMAC over `algorithm`; the caller bounds `iterations`. */
export function pbkdf2(algorithm: HashAlgorithm, password: Bytes, salt: Bytes, iterations: number, length: number): number[] {
  const mac = hmacKey(algorithm, password);
  const out: number[] = [];
  for (let block = 1; out.length < length; block++) {
    let u = mac([...Array.from(salt), block >>> 24, (block >>> 16) & 255, (block >>> 8) & 255, block & 255]);
    const t = u.slice();
    for (let i = 1; i < iterations; i++) {
      u = mac(u);
      for (let j = 0; j < t.length; j++) t[j] = t[j]! ^ u[j]!;
    }
    out.push(...t);
  }
  return out.slice(0, length);
}

/** UTF-8 bytes of a string (passphrases, text to hash). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

export function toHex(bytes: Bytes): string {
  let hex = "";
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i]! | 256).toString(16).slice(1);
  return hex;
}
