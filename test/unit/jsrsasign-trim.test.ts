// The build step that trims jsrsasign's RSA build for the engine: what it removes, what it keeps, and that it stops on a surprise.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseAst } from "rollup/parseAst";
import { describe, expect, it } from "vitest";
import { trimJsrsasign, type EstreeNode } from "../../scripts/jsrsasign-trim.js";

const library = readFileSync(createRequire(import.meta.url).resolve("jsrsasign/lib/jsrsasign-rsa-min.js"), "utf8");
const parse = (code: string) => parseAst(code) as unknown as EstreeNode;
const fail = (message: string): never => {
  throw new Error(message);
};

describe("trimJsrsasign", () => {
  const trimmed = trimJsrsasign(library, parse, fail);

  it("removes what RS256 signing never reaches", () => {
    expect(trimmed.length).toBeLessThan(library.length * 0.75);
    for (const gone of [
      "CryptoJS v3.1.2 sha512-min.js",
      "KJUR.asn1.DERInteger=",
      "KJUR.crypto.Signature=",
      "RSAKey.prototype.verifyPSS=",
      "ASN1HEX.dump=",
    ]) {
      expect(trimmed).not.toContain(gone);
    }
  });

  it("keeps the signer and the key readers", () => {
    for (const kept of [
      "CryptoJS v3.1.2 sha256-min.js",
      "RSAKey.prototype.sign=",
      "RSAKey.prototype.readPKCS8PrvKeyHex=",
      "KJUR.crypto.Util=",
      "function pemtohex",
    ]) {
      expect(trimmed).toContain(kept);
    }
  });

  it("stops the build when the library is not the one it was written for", () => {
    expect(() => trimJsrsasign(library.replace("CryptoJS v3.1.2 sha1-min.js", "CryptoJS v3.1.3 sha1-min.js"), parse, fail)).toThrow(
      /sha1-min\.js not found/,
    );
    expect(() => trimJsrsasign(library.replace(/ASN1HEX\.dump=/g, "ASN1HEX.show="), parse, fail)).toThrow(
      /not found in the RSA build: ASN1HEX\.dump/,
    );
  });
});
