// The engine as built (jsrsasign's RSA build less the modules signing never reaches): every key path still ends in our errors or a valid JWT.

import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isImsAuthError } from "../../src/core/errors.js";
import { sandboxDir } from "../../src/generator/files/paths.js";
import { rsaKeyPems } from "../helpers/keys.js";

type Engine = typeof import("../../src/sandbox/scripts/engine.js");
const source = readFileSync(`${sandboxDir()}/engine.js`, "utf8");
const engine = new Function(`${source}\nreturn __imsAuthEngine;`)() as Engine;

function pemBody(pem: string): { label: string; body: string } {
  const match = /-----BEGIN ([A-Z ]+)-----\n([\s\S]+?)\n-----END/.exec(pem)!;
  return { label: match[1]!, body: match[2]!.replace(/\n/g, "") };
}

function pem(label: string, body: string): string {
  return `-----BEGIN ${label}-----\n${body.replace(/(.{64})/g, "$1\n")}\n-----END ${label}-----\n`;
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

  it("answers every damaged key with one of our key errors, never a library error", () => {
    const { pkcs8, pkcs1 } = rsaKeyPems();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const damaged: string[] = [];
    for (const text of [pkcs8, pkcs1]) {
      const { label, body } = pemBody(text);
      damaged.push(
        pem(label, body.slice(0, 200)),
        pem(label, body.slice(0, -40)),
        pem(label, body.slice(0, 400) + (body[400] === "A" ? "B" : "A") + body.slice(401)),
        pem(label, `MII${body.slice(8)}`),
        pem(label, "AAAA"),
        pem(label, "MAA="),
        pem(label, Buffer.from("not a key at all, just text").toString("base64")),
      );
    }
    damaged.push(
      pem("PRIVATE KEY", pemBody(ec).body),
      pem("RSA PRIVATE KEY", pemBody(ec).body),
      pem("PRIVATE KEY", pemBody(rsaKeyPems().spki).body),
    );
    for (const text of damaged) {
      let outcome: unknown = "signed";
      try {
        engine.signRs256(engine.JWT_HEADER, "{}", engine.loadPrivateKey(text));
      } catch (error) {
        outcome = error;
      }
      // A damaged key that still parses may sign (nothing to check it against but IMS): otherwise, our error.
      if (outcome !== "signed") {
        expect(isImsAuthError(outcome), String(outcome)).toBe(true);
        expect((outcome as { code: string }).code).toMatch(/^ERR_(PRIVATE_KEY_(FORMAT|TYPE|SIZE)|SIGNING)$/);
      }
    }
  });
});
