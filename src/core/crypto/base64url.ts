// base64 and base64url decoding without atob/Buffer (neither is usable without warnings in every Postman sandbox).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The bytes of base64url (or base64) text, padding optional; undefined when it is not base64. */
export function base64ToBytes(text: string): number[] | undefined {
  const clean = text.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** Decodes base64url (or base64) text to a UTF-8 string; undefined when it is not base64. */
export function base64UrlToText(text: string): string | undefined {
  const bytes = base64ToBytes(text);
  return bytes && utf8Decode(bytes);
}

function utf8Decode(bytes: number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++] ?? 0;
    let code = b;
    if (b >= 0xf0)
      code = ((b & 0x07) << 18) | (((bytes[i++] ?? 0) & 0x3f) << 12) | (((bytes[i++] ?? 0) & 0x3f) << 6) | ((bytes[i++] ?? 0) & 0x3f);
    else if (b >= 0xe0) code = ((b & 0x0f) << 12) | (((bytes[i++] ?? 0) & 0x3f) << 6) | ((bytes[i++] ?? 0) & 0x3f);
    else if (b >= 0xc0) code = ((b & 0x1f) << 6) | ((bytes[i++] ?? 0) & 0x3f);
    // Invalid sequences (binary data) become U+FFFD rather than a RangeError.
    out += code > 0x10ffff ? "\ufffd" : String.fromCodePoint(code);
  }
  return out;
}
