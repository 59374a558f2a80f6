// The emulator's identity: the key it signs its tokens with and the TLS certificate it presents, one per process.

import { type KeyPair, makeRsaKeyPair, makeSelfSignedCertificate } from "./certificate.js";

/** The key an emulator signs its tokens with and the TLS certificate it presents. */
export interface Identity {
  readonly keys: KeyPair;
  readonly caCertificatePem: string;
  readonly madeAtMs: number;
}

const CERTIFICATE_DAYS = 2;

/**
 * One identity per process, as IMS keeps its key: a test suite starts dozens of emulators, and an RSA key takes a
 * quarter of a second of CPU to make. Tokens of one emulator are not another's: each keeps its own. Made anew after
 * a day, so an emulator started later still has a day of its certificate left.
 */
let processIdentity: Identity | undefined;

export function emulatorIdentity(): Identity {
  if (processIdentity !== undefined && Date.now() - processIdentity.madeAtMs < 86_400_000) return processIdentity;
  const keys = makeRsaKeyPair(2048);
  const caCertificatePem = makeSelfSignedCertificate(keys, {
    commonName: "postman-ims-auth local IMS emulator",
    ca: true,
    days: CERTIFICATE_DAYS,
    dnsNames: ["localhost"],
    ipAddresses: ["127.0.0.1"],
  });
  processIdentity = { keys, caCertificatePem, madeAtMs: Date.now() };
  return processIdentity;
}
