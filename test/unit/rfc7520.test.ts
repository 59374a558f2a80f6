// The bundled signer (our code and jsrsasign as rollup compiles them) against RFC 7520 §4.1, byte for byte.

import { createPublicKey, sign, verify } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { RFC7520_COMPACT, RFC7520_HEADER, RFC7520_PAYLOAD, RFC7520_RSA } from "../fixtures/rfc7520.js";
import { rfc7520PrivateKeyPem } from "../helpers/keys.js";

const require = createRequire(import.meta.url);
// dist/sandbox/signer.cjs is built by `npm run compile` from the same sources and jsrsasign as the collection scripts.
const bundled = require("../../dist/sandbox/signer.cjs") as typeof import("../../src/core/signer.js");

describe("RFC 7520 §4.1 RSA v1.5 signature", () => {
  const pem = rfc7520PrivateKeyPem();

  it("the rebuilt key is the RFC's key (its public half verifies the published token, independently of us)", () => {
    const [h, p, s] = RFC7520_COMPACT.split(".") as [string, string, string];
    const publicKey = createPublicKey({ key: { kty: "RSA", n: RFC7520_RSA.n, e: RFC7520_RSA.e }, format: "jwk" });
    expect(verify("sha256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url"))).toBe(true);
    expect(sign("sha256", Buffer.from(`${h}.${p}`), pem).toString("base64url")).toBe(s);
  });

  it("the bundled jsrsasign signer produces the published compact serialization exactly", () => {
    const key = bundled.loadPrivateKey(pem);
    expect(bundled.signRs256(RFC7520_HEADER, RFC7520_PAYLOAD, key)).toBe(RFC7520_COMPACT);
  });
});
