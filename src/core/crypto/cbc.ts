// CBC decryption with PKCS#7 padding, the mode encrypted PEM keys use: AES from @noble/ciphers,
// DES and DES-EDE3 from des.js (noble has no DES; des.js is what postman-runtime itself carries for NTLM).

import { cbc } from "@noble/ciphers/aes.js";
import des from "des.js";
import type { Bytes } from "./bytes.js";

export type BlockCipher = "AES" | "DES";

const BLOCK_SIZE: Record<BlockCipher, number> = { AES: 16, DES: 8 };

/**
 * The plaintext of `data` under `key` (AES: 16, 24 or 32 bytes; DES: 8, DES-EDE3: 24) and `iv`,
 * PKCS#7 padding removed; undefined when it cannot be a padded plaintext, which is how a wrong
 * passphrase usually shows (the caller also checks the structure of what comes out).
 * `padded: false` leaves the last block as it is (published test vectors have no padding).
 */
export function cbcDecrypt(cipher: BlockCipher, key: Bytes, iv: Bytes, data: Bytes, padded = true): number[] | undefined {
  const size = BLOCK_SIZE[cipher];
  if (data.length === 0 || data.length % size !== 0 || iv.length !== size) return undefined;
  if (cipher === "AES") {
    try {
      return Array.from(cbc(Uint8Array.from(key), Uint8Array.from(iv), { disablePadding: !padded }).decrypt(Uint8Array.from(data)));
    } catch {
      // noble refuses bad padding by throwing.
      return undefined;
    }
  }
  const mode = des.CBC.instantiate(key.length === 8 ? des.DES : des.EDE);
  const decipher = mode.create({ type: "decrypt", key: Array.from(key), iv: Array.from(iv), padding: false });
  const plain = decipher.update(Array.from(data)).concat(decipher.final());
  return padded ? pkcs7Unpad(plain, size) : plain;
}

/** des.js's own unpadding takes a pad byte of 0: checked strictly here instead (RFC 8018 §6.1.1 step 4). */
function pkcs7Unpad(plain: number[], size: number): number[] | undefined {
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > size || plain.slice(-pad).some((byte) => byte !== pad)) return undefined;
  return plain.slice(0, -pad);
}
