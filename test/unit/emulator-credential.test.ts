// A user's credential as the emulator registers it: the flow the collection will choose, the ids, the public key IMS would hold.

import { sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../src/emulator/certificate.js";
import { makeThrowawayCredential } from "../../src/emulator/service/integration.js";
import { readCredentials } from "../../src/node/token/credentials.js";
import { describeCredential, emulatorCredential } from "../../src/node/rehearsal/emulator-credential.js";

const credential = makeThrowawayCredential({ metascopes: ["ent_aem_cloud_sdk"] });
const { integration } = credential;
const jwtVariables = {
  IMS: "ims-na1.adobelogin.com",
  IMS_ORG: integration.orgId,
  TECHNICAL_ACCOUNT_ID: integration.technicalAccountId,
  API_KEY: integration.clientId,
  CLIENT_SECRET: integration.clientSecret,
  META_SCOPE: "https://ims-na1.adobelogin.com/s/ent_aem_cloud_sdk",
  PRIVATE_KEY: credential.privateKeyPem,
};
const register = (variables: Record<string, string>) => emulatorCredential(readCredentials(variables), "my.postman_environment.json");

describe("emulatorCredential", () => {
  it("OAuth Server-to-Server: client id, secret and the scopes as a list", () => {
    const registered = register({
      IMS: "ims-na1.adobelogin.com",
      API_KEY: "abc123",
      CLIENT_SECRET: "p8e-TEST-s2s",
      SCOPES: '["openid","AdobeID"]',
      IMS_ORG: "ORG@AdobeOrg",
    });
    expect(registered.flow).toBe("s2s");
    expect(registered.integration).toMatchObject({
      clientId: "abc123",
      clientSecret: "p8e-TEST-s2s",
      orgId: "ORG@AdobeOrg",
      scopes: ["openid", "AdobeID"],
      metascopes: [],
    });
    expect(describeCredential(registered)).toBe(
      "OAuth Server-to-Server credential from my.postman_environment.json: client ID abc123, scopes openid,AdobeID",
    );
  });

  it("JWT without a certificate: metascopes by short name, and a public key derived from PRIVATE_KEY that verifies its signatures", () => {
    const registered = register({ ...jwtVariables, SCOPES: "openid" });
    expect(registered.flow).toBe("jwt");
    expect(registered.integration).toMatchObject({ metascopes: ["ent_aem_cloud_sdk"], scopes: ["openid"], orgId: integration.orgId });
    expect(registered.publicKeyFrom).toBe("PRIVATE_KEY");
    const signature = sign("sha256", Buffer.from("input"), credential.privateKeyPem);
    expect(verify("sha256", Buffer.from("input"), registered.integration.publicKeyPem!, signature)).toBe(true);
    expect(describeCredential(registered)).not.toContain(integration.clientSecret);
  });

  it("JWT with a CERTIFICATE: the certificate is what IMS holds; one for another key is registered with a warning", () => {
    const own = register({ ...jwtVariables, CERTIFICATE: credential.certificatePem });
    expect([own.publicKeyFrom, own.integration.publicKeyPem, own.warnings]).toEqual(["CERTIFICATE", credential.certificatePem, []]);
    const other = makeSelfSignedCertificate(makeRsaKeyPair(2048), { commonName: "another key" });
    const mismatched = register({ ...jwtVariables, CERTIFICATE: other });
    expect(mismatched.warnings.join("\n")).toMatch(/PRIVATE_KEY does not match the certificate in CERTIFICATE/);
  });

  it("refuses what the collection would refuse, naming the file, and a pasted token, and an unreadable certificate", () => {
    expect(() => register({ ...jwtVariables, TECHNICAL_ACCOUNT_ID: "" })).toThrow(/^my\.postman_environment\.json: .*TECHNICAL_ACCOUNT_ID/);
    expect(() => register({ ACCESS_TOKEN: "eyJ.eyJ.sig" })).toThrow(/holds only a pasted ACCESS_TOKEN, no credential to register/);
    expect(() => register({ ...jwtVariables, CERTIFICATE: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" })).toThrow(
      expect.objectContaining({ code: "ERR_CERTIFICATE_FORMAT" }),
    );
  });
});
