import { createPrivateKey, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { JWT_HEADER, signRs256 } from "../../src/core/jws/sign-jsrsasign.js";
import { loadPrivateKey, rsaBits } from "../../src/core/keys/private-key.js";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../src/emulator/certificate.js";
import { der, pem, pkcs1Pem, rsaFields } from "../helpers/encrypted-keys.js";
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
    ["in JSON that escapes slashes (\\/)", () => JSON.stringify(keys.pkcs8).replace(/\//g, "\\/")],
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

describe("loadPrivateKey: what else gets pasted, each named", () => {
  const cases: Array<[string, () => string, string, RegExp]> = [
    [
      "a certificate and the key together",
      () => `${makeSelfSignedCertificate(makeRsaKeyPair(), { commonName: "t" })}${keys.pkcs8}`,
      "ERR_PRIVATE_KEY_FORMAT",
      /holds 2 PEM blocks \(CERTIFICATE, PRIVATE KEY\): keep only the private key/,
    ],
    [
      "an OpenSSH key",
      () => "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
      "ERR_PRIVATE_KEY_TYPE",
      /OpenSSH's own format.*ssh-keygen -p -m PEM/,
    ],
    [
      "a JSON Web Key",
      () => JSON.stringify(createPrivateKey(keys.pkcs8).export({ format: "jwk" })),
      "ERR_PRIVATE_KEY_FORMAT",
      /is a JSON Web Key/,
    ],
    ["a PuTTY key", () => "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n", "ERR_PRIVATE_KEY_FORMAT", /PuTTY key/],
    ["an SSH public key", () => "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host", "ERR_PRIVATE_KEY_FORMAT", /SSH public key/],
    [
      "the base64 without its BEGIN and END lines",
      () => keys.pkcs8.split("\n").slice(1, -2).join("\n"),
      "ERR_PRIVATE_KEY_FORMAT",
      /without its -----BEGIN and -----END lines/,
    ],
    [
      "an END line without its BEGIN line",
      () => keys.pkcs8.split("\n").slice(1).join("\n"),
      "ERR_PRIVATE_KEY_FORMAT",
      /no -----BEGIN line/,
    ],
    [
      "a certificate signing request",
      () => "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----",
      "ERR_PRIVATE_KEY_TYPE",
      /certificate signing request/,
    ],
    [
      "an Ed25519 key",
      () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      "ERR_PRIVATE_KEY_TYPE",
      /not an RSA key \(it is an Ed25519 key\)/,
    ],
    [
      "an RSA-PSS key",
      () => generateKeyPairSync("rsa-pss", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      "ERR_PRIVATE_KEY_TYPE",
      /RSA-PSS/,
    ],
    [
      "a DSA key in PKCS#8",
      () => pem("PRIVATE KEY", der.seq(der.int(0), der.seq(der.oid("1.2.840.10040.4.1")), der.octets(der.int(5)))),
      "ERR_PRIVATE_KEY_TYPE",
      /it is a DSA key/,
    ],
    [
      "a key with lines missing from the middle",
      () => {
        const lines = keys.pkcs1.split("\n");
        return [...lines.slice(0, 5), ...lines.slice(9)].join("\n");
      },
      "ERR_PRIVATE_KEY_FORMAT",
      /is incomplete: part of the key is missing/,
    ],
    [
      "a key with a stray character",
      () => keys.pkcs1.replace(/\n(.{10})/, "\n$1 x"),
      "ERR_PRIVATE_KEY_FORMAT",
      /line 2 holds characters that are not base64/,
    ],
    [
      "a key with a changed character in its modulus",
      () => {
        const lines = keys.pkcs1.split("\n");
        lines[2] = lines[2]!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
        return lines.join("\n");
      },
      "ERR_PRIVATE_KEY_FORMAT",
      /numbers do not fit together/,
    ],
    ["a multi-prime key", () => pkcs1Pem(rsaFields(createPrivateKey(keys.pkcs8)), 1), "ERR_PRIVATE_KEY_TYPE", /multi-prime/],
    [
      "a key of more than 8192 bits",
      () => pkcs1Pem({ ...rsaFields(createPrivateKey(keys.pkcs8)), n: Buffer.concat([Buffer.from([0xc1]), randomBytes(1150)]) }),
      "ERR_PRIVATE_KEY_SIZE",
      /is a 9208-bit RSA key; at most 8192 bits/,
    ],
    [
      "a forged key whose primes are as large as its modulus",
      () => {
        const fields = rsaFields(createPrivateKey(keys.pkcs8));
        return pkcs1Pem({ ...fields, p: fields.n, dp: fields.n });
      },
      "ERR_PRIVATE_KEY_FORMAT",
      /could not be read: the key is damaged/,
    ],
    ["far too much text", () => `${keys.pkcs8}${"A".repeat(70_000)}`, "ERR_PRIVATE_KEY_FORMAT", /is 7\d{4} characters long/],
  ];
  it.each(cases)("%s", (_name, text, code, message) => {
    const error = refusal(text());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    // Nothing of the key in the message: no 16-character run of its base64.
    const body = keys.pkcs8.split("\n").slice(1, -2).join("");
    for (let i = 0; i + 16 <= body.length; i += 16) expect(error.message).not.toContain(body.slice(i, i + 16));
  });

  it("a PKCS#8 key under an RSA PRIVATE KEY label is read all the same", () => {
    expect(rsaBits(loadPrivateKey(keys.pkcs8.replace(/PRIVATE KEY/g, "RSA PRIVATE KEY")))).toBe(2048);
  });

  it("a key whose size is not a multiple of 8 bits signs tokens Node verifies", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2050 });
    const token = signRs256(JWT_HEADER, '{"sub":"x"}', loadPrivateKey(privateKey.export({ type: "pkcs1", format: "pem" }).toString()));
    const [h, p, s] = token.split(".") as [string, string, string];
    expect(verify("sha256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url"))).toBe(true);
  });

  it("a key with a damaged CRT exponent is caught when its signature does not check out", () => {
    const fields = rsaFields(createPrivateKey(keys.pkcs8));
    const dp = Buffer.from(fields.dp);
    dp[dp.length - 1]! ^= 0x02;
    const key = loadPrivateKey(pkcs1Pem({ ...fields, dp }));
    expect(() => signRs256(JWT_HEADER, "{}", key)).toThrow(/^PRIVATE_KEY is damaged: a signature made with it does not check out/);
  });
});
