// Key pairs and self-signed X.509 certificates made at run time (for the emulator's TLS and for throwaway integrations).

import { generateKeyPairSync } from "node:crypto";
import jsrsasign from "jsrsasign";

export interface KeyPair {
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** SPKI PEM. */
  readonly publicKeyPem: string;
}

export function makeRsaKeyPair(bits = 2048): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

function zulu(date: Date): string {
  // jsrsasign wants UTCTime "YYMMDDhhmmssZ".
  return `${date.toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`;
}

export interface CertificateOptions {
  readonly commonName: string;
  readonly days?: number;
  /** Marks it as a CA so it can be given to TLS clients as a trust anchor. */
  readonly ca?: boolean;
  /** Host names and IP addresses for subjectAltName. */
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  readonly notBefore?: Date;
}

/** A self-signed certificate (PEM) for the key pair, SHA256withRSA. */
export function makeSelfSignedCertificate(keys: KeyPair, options: CertificateOptions): string {
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + (options.days ?? 365) * 86_400_000);
  const ext: object[] = [];
  if (options.ca) ext.push({ extname: "basicConstraints", cA: true, critical: true });
  const names = [...(options.dnsNames ?? []).map((dns) => ({ dns })), ...(options.ipAddresses ?? []).map((ip) => ({ ip }))];
  if (names.length > 0) ext.push({ extname: "subjectAltName", array: names });
  const certificate = new jsrsasign.KJUR.asn1.x509.Certificate({
    version: 3,
    serial: { int: Math.floor(Math.random() * 1e9) + 1 },
    issuer: { str: `/CN=${options.commonName}` },
    subject: { str: `/CN=${options.commonName}` },
    notbefore: zulu(notBefore),
    notafter: zulu(notAfter),
    sbjpubkey: keys.publicKeyPem,
    ext,
    sigalg: "SHA256withRSA",
    cakey: keys.privateKeyPem,
  } as never);
  return certificate.getPEM();
}
