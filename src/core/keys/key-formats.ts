// What a PRIVATE_KEY without any PEM block most likely is, so that the message can say what to do.

import { base64ToBytes } from "../crypto/base64url.js";

/** The end of a "PRIVATE_KEY …" message for text that holds no BEGIN line. Never quotes the text. */
export function nonPemHint(text: string): string {
  if (/^\{[\s\S]*"kty"/.test(text))
    return 'is a JSON Web Key ({"kty": …}); paste the key in PEM form, from its BEGIN PRIVATE KEY line to its END line.';
  if (text.startsWith("PuTTY-User-Key-File"))
    return "is a PuTTY key (.ppk); export it as PEM (PuTTYgen: Conversions → Export OpenSSH key) and paste that.";
  if (/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-)/.test(text))
    return "holds an SSH public key. Use the RSA private key whose certificate is on the credential.";
  if (/-----END [A-Z ]+-----/.test(text))
    return "has an END line but no -----BEGIN line: paste the whole key, from -----BEGIN to END-----.";
  const compact = text.replace(/\s+/g, "");
  if (/^MI[A-Za-z0-9+/]{40,}={0,2}$/.test(compact) && base64ToBytes(compact)?.[0] === 0x30) {
    return "holds the key's base64 without its -----BEGIN and -----END lines: paste the whole PEM, those lines included.";
  }
  return "is not a PEM private key: paste the whole key, from its BEGIN PRIVATE KEY (or BEGIN RSA PRIVATE KEY) line to its END line.";
}
