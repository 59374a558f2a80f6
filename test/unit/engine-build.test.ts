// The engine as built (jsrsasign's RSA build less the modules signing never reaches): every key path still ends in our errors or a valid JWT.

import { createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isImsAuthError } from "../../src/core/errors.js";
import { sandboxDir } from "../../src/files/paths.js";
import { mustRefuse, stillSigns, type DamagedKey } from "../helpers/damaged-keys.js";
import { rsaKeyPems } from "../helpers/keys.js";

type Engine = typeof import("../../src/sandbox/scripts/engine.js");
const source = readFileSync(`${sandboxDir()}/engine.js`, "utf8");
const engine = new Function(`${source}\nreturn __imsAuthEngine;`)() as Engine;

/** Why `key` was not refused as it must be (signed, another error, another code), or undefined when it was. */
function refusal(load: (text: string) => ReturnType<Engine["loadPrivateKey"]>, key: DamagedKey): string | undefined {
  try {
    engine.signRs256(engine.JWT_HEADER, "{}", load(key.text));
    return "signed";
  } catch (error) {
    if (!isImsAuthError(error)) return `not our error: ${String(error)}`;
    return error.code === key.code ? undefined : `${error.code} instead of ${key.code}`;
  }
}

describe("the built engine", () => {
  it("carries none of the jsrsasign parts it leaves out (ciphers, SHA-1/512, ASN.1 encoders, PSS, verification, Signature)", () => {
    // What defines them (references from functions signing never calls may stay).
    expect(
      source.match(/BlockCipherMode|x64|SHA1=|SHA512=|DERInteger|signWithMessageHashPSS|verifyWithMessageHash|checkStrictDER|prvkeypem/g),
    ).toBeNull();
    expect(source).toContain("SHA256=");
    expect(source).toContain("readPKCS8PrvKeyHex=");
  });

  it.each(["pkcs8", "pkcs1"] as const)("reads %s keys in every accepted wrapping and signs what node:crypto verifies", (type) => {
    const pems = rsaKeyPems();
    const text = pems[type];
    for (const wrapped of [
      text,
      text.replace(/\n/g, "\r\n"),
      Buffer.from(text).toString("base64"),
      JSON.stringify(text),
      text.replace(/\n/g, "\\n"),
    ]) {
      const jwt = engine.signRs256(engine.JWT_HEADER, '{"sub":"x"}', engine.loadPrivateKey(wrapped));
      const [header, payload, signature] = jwt.split(".") as [string, string, string];
      expect(verify("sha256", Buffer.from(`${header}.${payload}`), createPublicKey(pems.spki), Buffer.from(signature, "base64url"))).toBe(
        true,
      );
    }
  });

  it.each(mustRefuse().map((key) => [key.name, key] as const))("refuses %s with its code", (_name, key) => {
    expect(refusal(engine.loadPrivateKey, key)).toBeUndefined();
  });

  it("the must-refuse list catches a reader that accepts anything", () => {
    // A reader that returns a good key whatever it is given: every entry of the list must then fail.
    const good = engine.loadPrivateKey(rsaKeyPems().pkcs8);
    const keys = mustRefuse();
    expect(keys.filter((key) => refusal(() => good, key) === undefined)).toEqual([]);
  });

  it("a changed private exponent still signs what node:crypto verifies: with CRT, signing never uses d", () => {
    const { text, publicKey } = stillSigns();
    const [header, payload, signature] = engine.signRs256(engine.JWT_HEADER, "{}", engine.loadPrivateKey(text)).split(".") as [
      string,
      string,
      string,
    ];
    expect(verify("sha256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url"))).toBe(true);
  });
});
