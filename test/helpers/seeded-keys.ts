// RSA keys from a seed: primes searched from a seeded random start (OpenSSL's checkPrime says which are prime), so a
// test that prints its seed replays its keys too.

import { checkPrime, createPrivateKey, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import type { Random } from "./fuzz-values.js";
import { modInverse } from "./keys.js";

const E = 65_537n;
const isPrime = promisify(checkPrime) as (candidate: bigint) => Promise<boolean>;
/** Odd primes below 2^14: a candidate divisible by one is skipped without asking OpenSSL. */
const SMALL_PRIMES = (() => {
  const limit = 1 << 14;
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let n = 3; n < limit; n += 2) {
    if (composite[n]) continue;
    primes.push(n);
    for (let m = n * n; m < limit; m += 2 * n) composite[m] = 1;
  }
  return primes;
})();

/** `bits` random bits with the top two set (so two such primes multiply to exactly twice as many bits), odd. */
function randomStart(random: Random, bits: number): bigint {
  let value = 0n;
  for (let i = 0; i < bits; i += 32) value = (value << 32n) | BigInt(random.int(2 ** 32));
  value >>= BigInt(Math.ceil(bits / 32) * 32 - bits);
  return value | (3n << BigInt(bits - 2)) | 1n;
}

/** The first prime p ≥ a seeded start with gcd(p - 1, e) = 1: sieved by small primes, then checked by OpenSSL. */
async function seededPrime(random: Random, bits: number): Promise<bigint> {
  const start = randomStart(random, bits);
  const remainders = SMALL_PRIMES.map((prime) => Number(start % BigInt(prime)));
  for (let step = 0; ; step += 2) {
    if (SMALL_PRIMES.some((prime, i) => (remainders[i]! + step) % prime === 0)) continue;
    const candidate = start + BigInt(step);
    if ((candidate - 1n) % E !== 0n && (await isPrime(candidate))) return candidate;
  }
}

const b64u = (value: bigint): string => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex").toString("base64url");
};

/**
 * An RSA private key of `bits` bits (e = 65537) made only from `random`'s numbers. OpenSSL checks the candidates
 * in libuv's threads, so several keys made at once use every core.
 */
export async function seededRsaKey(random: Random, bits: number): Promise<KeyObject> {
  for (;;) {
    const p = await seededPrime(random, bits / 2);
    const q = await seededPrime(random, bits / 2);
    if (p === q) continue;
    const d = modInverse(E, (p - 1n) * (q - 1n));
    const jwk = { kty: "RSA", n: b64u(p * q), e: b64u(E), d: b64u(d), p: b64u(p), q: b64u(q) };
    return createPrivateKey({
      key: { ...jwk, dp: b64u(d % (p - 1n)), dq: b64u(d % (q - 1n)), qi: b64u(modInverse(q, p)) },
      format: "jwk",
    });
  }
}
