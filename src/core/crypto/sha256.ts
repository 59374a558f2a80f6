// SHA-256 of text, in hex: the sandbox of Newman has no crypto, and CryptoJS is deprecated in the app's.

import { hash, SHA256, toHex, utf8Bytes } from "./digests.js";

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return toHex(hash(SHA256, utf8Bytes(text)));
}
