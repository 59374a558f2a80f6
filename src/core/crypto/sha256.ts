// SHA-256 in hex, with @noble/hashes: Newman's sandbox has no crypto, and CryptoJS is deprecated in the app's.

import { sha256 } from "@noble/hashes/sha2.js";
import { toHex, utf8Bytes } from "./bytes.js";

/** Lower-case hex SHA-256 of `input`: bytes as they are, text as its UTF-8 encoding. */
export function sha256Hex(input: string | Uint8Array): string {
  return toHex(sha256(typeof input === "string" ? utf8Bytes(input) : input));
}
