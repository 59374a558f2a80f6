// What the emulator knows of a credential, and throwaway credentials (keys made on the spot) for tests and demos.

import { randomBytes, randomUUID } from "node:crypto";
import { type KeyPair, makeRsaKeyPair, makeSelfSignedCertificate } from "../certificate.js";

export interface Integration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly orgId: string;
  readonly technicalAccountId: string;
  /** Certificate or SPKI public key PEM that JWT assertions must verify against (JWT flow). */
  readonly publicKeyPem?: string;
  /** Metascopes bound to the integration (JWT flow). */
  readonly metascopes: readonly string[];
  /** OAuth scopes the credential may ask for (Server-to-Server flow). */
  readonly scopes?: readonly string[];
}

export interface ThrowawayCredential {
  readonly integration: Integration;
  /** PKCS#8 PEM of the key whose certificate the integration holds. */
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex").toUpperCase();
}

/** A fresh integration with its own key pair (or the one given); ids shaped like Adobe's, values random. */
export function makeThrowawayCredential(
  options: { metascopes?: readonly string[]; scopes?: readonly string[]; bits?: number; clientId?: string; keys?: KeyPair } = {},
): ThrowawayCredential {
  const keys = options.keys ?? makeRsaKeyPair(options.bits ?? 2048);
  const certificatePem = makeSelfSignedCertificate(keys, { commonName: "postman-ims-auth test credential" });
  const integration: Integration = {
    clientId: options.clientId ?? randomUUID().replace(/-/g, ""),
    clientSecret: `p8e-TEST-${hex(12)}`,
    orgId: `${hex(12)}@AdobeOrg`,
    technicalAccountId: `${hex(12)}@techacct.adobe.com`,
    publicKeyPem: certificatePem,
    metascopes: options.metascopes ?? ["ent_dataservices_sdk"],
    scopes: options.scopes ?? ["openid", "AdobeID", "read_organizations"],
  };
  return { integration, privateKeyPem: keys.privateKeyPem, certificatePem };
}
