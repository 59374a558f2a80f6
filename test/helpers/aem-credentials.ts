// AEM service credentials shaped like the Developer Console's, made at test time: nothing here is a real credential.

import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../src/emulator/certificate.js";
import type { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { toPkcs1Crlf } from "./keys.js";

export const FAKE_CLIENT_SECRET = "p8e-TEST-ONLY-not-a-real-secret";

export interface AemCredentialsFixture {
  /** The JSON object as "Get Service Credentials" shows it: {"ok":true,"integration":{…},"statusCode":200}. */
  readonly wrapped: { ok: true; integration: Record<string, unknown>; statusCode: 200 };
  readonly privateKey: string;
  readonly certificate: string;
}

/** A fresh 2048-bit key (PKCS#1, CRLF line ends, as AEM hands it out) and its self-signed certificate. */
export function makeAemCredentials(): AemCredentialsFixture {
  const keys = makeRsaKeyPair(2048);
  const privateKey = toPkcs1Crlf(keys.privateKeyPem);
  const certificate = makeSelfSignedCertificate(keys, { commonName: "cm-p123-e1234" }).replace(/\r?\n/g, "\r\n");
  return {
    wrapped: {
      ok: true,
      integration: {
        imsEndpoint: "ims-na1.adobelogin.com",
        metascopes: "ent_aem_cloud_sdk,ent_cloudmgr_sdk",
        technicalAccount: { clientId: "cm-p123-e1234", clientSecret: FAKE_CLIENT_SECRET },
        email: "abcd@techacct.adobe.com",
        id: "ABCDAE10A495E8C@techacct.adobe.com",
        org: "1234@AdobeOrg",
        privateKey,
        publicKey: certificate,
      },
      statusCode: 200,
    },
    privateKey,
    certificate,
  };
}

/** Registers the fixture's integration with an emulator, as the Developer Console binds it (both AEM metascopes). */
export function registerAemCredentials(emulator: ImsEmulator, aem: AemCredentialsFixture): void {
  const integration = aem.wrapped.integration as { technicalAccount: { clientId: string; clientSecret: string }; org: string; id: string };
  emulator.addIntegration({
    clientId: integration.technicalAccount.clientId,
    clientSecret: integration.technicalAccount.clientSecret,
    orgId: integration.org,
    technicalAccountId: integration.id,
    publicKeyPem: aem.certificate,
    metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"],
  });
}
