// Turning the PRIVATE_KEY text users paste into a checked RSA private key (jsrsasign RSAKey).
// Only RSAKey's own readers are used, so the same code runs on jsrsasign's RSA-only build in the sandbox.

import { RSAKey, b64toutf8, pemtohex } from "jsrsasign";
import { ImsAuthError } from "./errors.js";

export const MIN_RSA_BITS = 2048;

/** The parts of jsrsasign's RSAKey that its type definitions leave out. */
interface RsaKeyInternals {
  readonly n?: { bitLength(): number };
  readonly isPrivate?: boolean;
}

/** Modulus size in bits (0 when the key has none). */
export function rsaBits(key: RSAKey): number {
  return (key as RSAKey & RsaKeyInternals).n?.bitLength() ?? 0;
}

export function isPrivateRsaKey(key: unknown): key is RSAKey {
  return key instanceof RSAKey && (key as RSAKey & RsaKeyInternals).isPrivate === true;
}
const VARIABLE = "PRIVATE_KEY";

/**
 * Undoes the ways a PEM gets mangled on its way into a variable: a BOM, JSON quotes around it,
 * newlines turned into literal \n or \r\n escapes, the whole PEM base64-encoded (CI secrets).
 */
export function normalizePem(text: string): string {
  let pem = text.replace(/^\uFEFF/, "").trim();
  if (pem.length >= 2 && pem.startsWith('"') && pem.endsWith('"')) pem = pem.slice(1, -1).trim();
  if (!pem.includes("-----BEGIN") && /^[A-Za-z0-9+/=\s]+$/.test(pem)) {
    const decoded = safeBase64ToText(pem);
    if (decoded.includes("-----BEGIN")) pem = decoded.trim();
  }
  return pem.replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r\n?/g, "\n");
}

function safeBase64ToText(text: string): string {
  try {
    return b64toutf8(text.replace(/\s+/g, ""));
  } catch {
    return "";
  }
}

function keyError(code: "ERR_PRIVATE_KEY_FORMAT" | "ERR_PRIVATE_KEY_TYPE" | "ERR_PRIVATE_KEY_SIZE", message: string): ImsAuthError {
  return new ImsAuthError(code, `${VARIABLE} ${message}`, VARIABLE);
}

/** What the PEM's BEGIN line says it is. */
function pemLabel(pem: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

/** Parses and checks the key: RSA, private, at least 2048 bits. Never echoes the key or jsrsasign's message. */
export function loadPrivateKey(text: string): RSAKey {
  const pem = normalizePem(text);
  const label = pemLabel(pem);
  if (label === undefined) {
    throw keyError(
      "ERR_PRIVATE_KEY_FORMAT",
      "is not a PEM private key: paste the whole key, from -----BEGIN PRIVATE KEY----- (or BEGIN RSA PRIVATE KEY) to the END line.",
    );
  }
  if (label === "CERTIFICATE") {
    throw keyError(
      "ERR_PRIVATE_KEY_TYPE",
      "holds a certificate (BEGIN CERTIFICATE), which is the public half uploaded to the Developer Console. Use the private key (private.key) made with it.",
    );
  }
  if (label.includes("PUBLIC KEY")) {
    throw keyError("ERR_PRIVATE_KEY_TYPE", `holds a public key (BEGIN ${label}). Use the matching private key.`);
  }
  if (label === "EC PRIVATE KEY" || label === "DSA PRIVATE KEY" || label === "OPENSSH PRIVATE KEY") {
    throw keyError("ERR_PRIVATE_KEY_TYPE", `is a ${label.replace(" PRIVATE KEY", "")} key; Adobe IMS needs an RSA private key (RS256).`);
  }
  if (label !== "PRIVATE KEY" && label !== "RSA PRIVATE KEY") {
    throw keyError("ERR_PRIVATE_KEY_FORMAT", `is a "${label}" block; expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY.`);
  }
  if (!pem.includes(`-----END ${label}-----`)) {
    throw keyError("ERR_PRIVATE_KEY_FORMAT", `is cut short: its -----END ${label}----- line is missing. Paste the whole key.`);
  }

  let der: string;
  try {
    der = pemtohex(pem, label).toLowerCase();
  } catch {
    der = "";
  }
  if (!/^30[0-9a-f]+$/.test(der)) {
    throw keyError("ERR_PRIVATE_KEY_FORMAT", "could not be read: the key is damaged or incomplete. Paste it again, unchanged, from -----BEGIN to END-----.");
  }
  // PKCS#8 names its algorithm near the start; anything but rsaEncryption (1.2.840.113549.1.1.1) is not for RS256.
  if (label === "PRIVATE KEY" && !der.slice(0, 80).includes("06092a864886f70d010101")) {
    throw keyError("ERR_PRIVATE_KEY_TYPE", "is not an RSA key; Adobe IMS needs an RSA private key (RS256).");
  }
  const key = new RSAKey();
  try {
    if (label === "PRIVATE KEY") key.readPKCS8PrvKeyHex(der);
    else key.readPKCS5PrvKeyHex(der);
  } catch {
    // jsrsasign throws strings that may quote key material: never pass them on.
    throw keyError("ERR_PRIVATE_KEY_FORMAT", "could not be read: the key is damaged or incomplete. Paste it again, unchanged, from -----BEGIN to END-----.");
  }
  if (!isPrivateRsaKey(key)) {
    throw keyError("ERR_PRIVATE_KEY_TYPE", "holds only the public part of an RSA key. Use the private key.");
  }
  const bits = rsaBits(key);
  if (bits < MIN_RSA_BITS) {
    throw keyError("ERR_PRIVATE_KEY_SIZE", `is a ${bits}-bit RSA key; at least ${MIN_RSA_BITS} bits are needed. Make a new key pair (openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 …) and upload its certificate.`);
  }
  return key;
}
