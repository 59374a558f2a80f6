// The engine the collection carries (our code and jsrsasign's RSA build, as rollup compiles them) against RFC 7520 §4.1.

import { createPublicKey, sign, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sandboxDir } from "../../src/files/paths.js";
import { RFC7520_COMPACT, RFC7520_HEADER, RFC7520_PAYLOAD, RFC7520_RSA } from "../fixtures/rfc7520.js";
import { rfc7520PrivateKeyPem } from "../helpers/keys.js";

// Evaluated exactly as the scripts' loader does it, from dist/sandbox/engine.js (`npm run compile`).
const engine = new Function(
  `${readFileSync(`${sandboxDir()}/engine.js`, "utf8")}\nreturn __imsAuthEngine;`,
)() as typeof import("../../src/sandbox/scripts/engine.js");

describe("RFC 7520 §4.1 RSA v1.5 signature", () => {
  const pem = rfc7520PrivateKeyPem();

  it("the rebuilt key is the RFC's key (its public half verifies the published token, independently of us)", () => {
    const [h, p, s] = RFC7520_COMPACT.split(".") as [string, string, string];
    const publicKey = createPublicKey({ key: { kty: "RSA", n: RFC7520_RSA.n, e: RFC7520_RSA.e }, format: "jwk" });
    expect(verify("sha256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url"))).toBe(true);
    expect(sign("sha256", Buffer.from(`${h}.${p}`), pem).toString("base64url")).toBe(s);
  });

  it("the bundled jsrsasign signer produces the published compact serialization exactly", () => {
    const key = engine.loadPrivateKey(pem);
    expect(engine.signRs256(RFC7520_HEADER, RFC7520_PAYLOAD, key)).toBe(RFC7520_COMPACT);
  });

  it("the same code on Node's full jsrsasign gives the same bytes", async () => {
    const { loadPrivateKey } = await import("../../src/core/keys/private-key.js");
    const { signRs256 } = await import("../../src/core/jws/sign-jsrsasign.js");
    expect(signRs256(RFC7520_HEADER, RFC7520_PAYLOAD, loadPrivateKey(pem))).toBe(RFC7520_COMPACT);
  });
});
