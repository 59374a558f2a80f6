// The certificate of a key pair, checked with node:crypto: does PRIVATE_KEY match it, and how long is it valid.

import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import { normalizePem } from "../../core/keys/private-key.js";
import type { Finding } from "./doctor-types.js";

const DAY_MS = 86_400_000;
/** Time enough to get and upload a new certificate before it stops working. */
export const EXPIRY_WARNING_DAYS = 30;

export interface CertificateInput {
  readonly pem: string;
  /** Where it came from, as the user knows it: CERTIFICATE, integration.publicKey. */
  readonly where: string;
}

export interface CertificateCheck {
  readonly findings: Finding[];
  readonly notes: string[];
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The RSA modulus (base64url), or undefined for any other kind of key. */
function modulus(key: KeyObject): string | undefined {
  return key.asymmetricKeyType === "rsa" ? (key.export({ format: "jwk" }).n as string | undefined) : undefined;
}

function publicKeyOf(pem: string): { key: KeyObject; validFrom?: number; validTo?: number } {
  if (/-----BEGIN CERTIFICATE-----/.test(pem)) {
    const certificate = new X509Certificate(pem);
    return { key: certificate.publicKey, validFrom: Date.parse(certificate.validFrom), validTo: Date.parse(certificate.validTo) };
  }
  return { key: createPublicKey(pem) };
}

/**
 * `renew` says how to get a new certificate for this kind of credential. The private key is only
 * compared when it parses: what is wrong with it is reported by the key checks.
 */
export function checkCertificate(
  certificate: CertificateInput,
  privateKeyText: string | undefined,
  nowMs: number,
  renew: string,
): CertificateCheck {
  const { where } = certificate;
  let parsed: ReturnType<typeof publicKeyOf>;
  try {
    parsed = publicKeyOf(normalizePem(certificate.pem));
  } catch {
    const message = `${where} is not a PEM certificate (BEGIN CERTIFICATE) or public key that can be read. Paste the certificate of the credential whole, or remove ${where}.`;
    return { findings: [{ level: "error", code: "ERR_CERTIFICATE_FORMAT", message }], notes: [] };
  }
  const findings: Finding[] = [];
  const notes: string[] = [];
  const matched = privateKeyText === undefined ? undefined : keyMatches(privateKeyText, parsed.key);
  if (matched === false) {
    findings.push({
      level: "error",
      code: "ERR_CERTIFICATE_MISMATCH",
      variable: "PRIVATE_KEY",
      message: `PRIVATE_KEY does not match the certificate in ${where} (their RSA moduli differ): IMS will refuse the signature. Use the private key made with this certificate, or upload the certificate of this key.`,
    });
  } else if (matched) notes.push(`key matches ${where}`);

  const { validFrom, validTo } = parsed;
  if (validTo !== undefined && Number.isFinite(validTo)) {
    if (validTo <= nowMs) {
      findings.push({
        level: "error",
        code: "ERR_CERTIFICATE_EXPIRED",
        message: `the certificate in ${where} expired on ${day(validTo)}: ${renew}`,
      });
    } else if (validTo - nowMs < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.floor((validTo - nowMs) / DAY_MS);
      findings.push({
        level: "warning",
        code: "WARN_CERTIFICATE_EXPIRES_SOON",
        message: `the certificate in ${where} expires on ${day(validTo)}, in ${days} day${days === 1 ? "" : "s"}: ${renew}`,
      });
    } else notes.push(`certificate valid until ${day(validTo)}`);
  }
  if (validFrom !== undefined && validFrom > nowMs) {
    findings.push({
      level: "warning",
      code: "WARN_CERTIFICATE_NOT_YET_VALID",
      message: `the certificate in ${where} is valid only from ${new Date(validFrom).toISOString()}: check this computer's clock.`,
    });
  }
  return { findings, notes };
}

function keyMatches(privateKeyText: string, publicKey: KeyObject): boolean | undefined {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(normalizePem(privateKeyText));
  } catch {
    return undefined;
  }
  const mine = modulus(createPublicKey(privateKey));
  return mine !== undefined && mine === modulus(publicKey);
}
