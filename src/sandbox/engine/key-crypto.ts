// The hashes and ciphers that decrypt an encrypted PRIVATE_KEY, bundled on their own inside the engine (rollup.config.ts):
// their module code (noble's AES tables among it) runs on the first call, never when the key is not encrypted.

export { cbcDecrypt } from "../../core/crypto/cbc.js";
export { evpBytesToKey, pbkdf2 } from "../../core/crypto/key-derivation.js";
