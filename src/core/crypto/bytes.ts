// Bytes, UTF-8 and hex where there is no TextEncoder and no Buffer (Newman's sandbox has neither).

import { bytesToHex } from "@noble/hashes/utils.js";

export type Bytes = ArrayLike<number>;

/** UTF-8 bytes of a string (passphrases, text to hash): noble's utf8ToBytes needs TextEncoder, which Newman's sandbox lacks. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

/** Lower-case hex of bytes (noble's bytesToHex, which takes only a Uint8Array). */
export function toHex(bytes: Bytes): string {
  return bytesToHex(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
}
