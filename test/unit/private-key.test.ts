import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { loadPrivateKey, rsaBits } from "../../src/core/private-key.js";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../src/emulator/certificate.js";
import { rsaKeyPems, toPkcs1Crlf } from "../helpers/keys.js";

let keys: ReturnType<typeof rsaKeyPems>;
beforeAll(() => {
  keys = rsaKeyPems(2048);
});

function refusal(text: string): ImsAuthError {
  try {
    loadPrivateKey(text);
  } catch (error) {
    if (error instanceof ImsAuthError) return error;
    throw error;
  }
  throw new Error("the key was accepted");
}

describe("loadPrivateKey accepts the forms users paste", () => {
  const forms: Array<[string, () => string]> = [
    ["PKCS#8 PEM", () => keys.pkcs8],
    ["PKCS#1 PEM", () => keys.pkcs1],
    ["PKCS#1 with CRLF (AEM service credentials)", () => toPkcs1Crlf(keys.pkcs8)],
    ["with a BOM and surrounding blank lines", () => `\uFEFF\n\n${keys.pkcs8}\n\n`],
    ["newlines as literal \\n escapes", () => keys.pkcs8.replace(/\n/g, "\\n")],
    ["newlines as literal \\r\\n escapes", () => keys.pkcs1.replace(/\n/g, "\\r\\n")],
    ["wrapped in JSON quotes", () => JSON.stringify(keys.pkcs8)],
    ["base64 of the whole PEM", () => Buffer.from(keys.pkcs8).toString("base64")],
  ];
  it.each(forms)("%s", (_name, text) => {
    const key = loadPrivateKey(text());
    expect(rsaBits(key)).toBe(2048);
  });
});

describe("loadPrivateKey refuses, each with its own message", () => {
  it("a certificate", () => {
    const pair = makeRsaKeyPair();
    const error = refusal(makeSelfSignedCertificate(pair, { commonName: "test" }));
    expect(error.code).toBe("ERR_PRIVATE_KEY_TYPE");
    expect(error.message).toMatch(/holds a certificate/);
  });
  it("a public key", () => {
    const error = refusal(keys.spki);
    expect(error.code).toBe("ERR_PRIVATE_KEY_TYPE");
    expect(error.message).toMatch(/public key/);
  });
  it("an EC key (SEC1 and PKCS#8)", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const sec1 = refusal(privateKey.export({ type: "sec1", format: "pem" }).toString());
    expect(sec1.code).toBe("ERR_PRIVATE_KEY_TYPE");
    const pkcs8 = refusal(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    expect(pkcs8.code).toBe("ERR_PRIVATE_KEY_TYPE");
    expect(pkcs8.message).toMatch(/not an RSA key/);
  });
  it("an RSA key under 2048 bits", () => {
    const small = createPrivateKey(rsaKeyPems(1024).pkcs8).export({ type: "pkcs8", format: "pem" }).toString();
    const error = refusal(small);
    expect(error.code).toBe("ERR_PRIVATE_KEY_SIZE");
    expect(error.message).toMatch(/1024-bit/);
  });
  it("a truncated key", () => {
    const error = refusal(keys.pkcs8.slice(0, 400));
    expect(error.code).toBe("ERR_PRIVATE_KEY_FORMAT");
    expect(error.message).toMatch(/END PRIVATE KEY-----.*missing/);
  });
  it("a garbled key, without quoting any of it", () => {
    const lines = keys.pkcs8.split("\n");
    const garbled = [lines[0], ...lines.slice(1, -2).map((line) => line.split("").reverse().join("")), ...lines.slice(-2)].join("\n");
    const error = refusal(garbled);
    expect(error.code).toBe("ERR_PRIVATE_KEY_FORMAT");
    expect(error.message).not.toContain(lines[3]!.slice(0, 20));
  });
  it("text that is no PEM at all", () => {
    const error = refusal("my-private-key");
    expect(error.code).toBe("ERR_PRIVATE_KEY_FORMAT");
    expect(error.variable).toBe("PRIVATE_KEY");
  });
});
