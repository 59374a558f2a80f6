// The engine's one signer (jsrsasign) as shipped: the checks it makes before and after signing, on keys Node makes.

import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sandboxDir } from "../../src/files/paths.js";
import { rsaKeyPems } from "../helpers/keys.js";

// The compiled engine, evaluated as the scripts' loader does it: jsrsasign's RSA build and our code as shipped.
type Engine = typeof import("../../src/sandbox/scripts/engine.js");
const engine = new Function(`${readFileSync(`${sandboxDir()}/engine.js`, "utf8")}\nreturn __imsAuthEngine;`)() as Engine;

const PAYLOAD = JSON.stringify({ iss: "ABC@AdobeOrg", note: "naïve € 😀", exp: 1_700_000_000 });

function verifies(jwt: string, pem: string): boolean {
  const [header, payload, signature] = jwt.split(".") as [string, string, string];
  return verify("sha256", Buffer.from(`${header}.${payload}`), createPublicKey(pem), Buffer.from(signature, "base64url"));
}

describe("RS256 with jsrsasign", () => {
  it("with a public exponent other than 65537: Node verifies the token", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 3 });
    const key = engine.loadPrivateKey(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
    expect(verifies(engine.signRs256(engine.JWT_HEADER, PAYLOAD, key), publicKey.export({ type: "spki", format: "pem" }).toString())).toBe(
      true,
    );
  });

  it("never an unsigned or HMAC token: a header other than RS256 is refused, whatever the key", () => {
    const key = engine.loadPrivateKey(rsaKeyPems().pkcs8);
    for (const header of ['{"alg":"none"}', '{"alg":"HS256"}', '{"typ":"JWT"}', "null"]) {
      expect(() => engine.signRs256(header, PAYLOAD, key)).toThrow(expect.objectContaining({ code: "ERR_SIGNING" }));
    }
  });

  it("the assertion checks the key first: a 1024-bit key, an EC key, a public key", () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const config = {
      ims: "ims.example",
      orgId: "A@AdobeOrg",
      technicalAccountId: "B@techacct.adobe.com",
      clientId: "c",
      clientSecret: "s",
      metascopes: ["m"],
      privateKeyPassphrase: "",
    };
    const refusal = (privateKey: string) => {
      try {
        engine.createJwtAssertion({ ...config, privateKey }, Date.now());
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return "signed";
    };
    expect([refusal(small), refusal(ec), refusal(rsaKeyPems().spki)]).toEqual([
      "ERR_PRIVATE_KEY_SIZE",
      "ERR_PRIVATE_KEY_TYPE",
      "ERR_PRIVATE_KEY_TYPE",
    ]);
  });
});
