// Property: random RSA keys of 2048, 3072 and 4096 bits, in random forms (plain or encrypted), and random claims
// give tokens that Node's crypto verifies, signed by the engine the collection carries (dist/sandbox/engine.js).
// Seeded like the fuzz test: PROPERTY_SEED=<n> replays the keys, forms and claims (PROPERTY_SEED=random picks a new
// seed); only the salts and IVs of the encrypted forms are not from the seed.

import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { JwtConfig } from "../../src/core/config/jwt-config.js";
import { sandboxDir } from "../../src/files/paths.js";
import { pbes2Pem } from "../helpers/encrypted-keys.js";
import { Random } from "../helpers/fuzz-values.js";
import { seededRsaKey } from "../helpers/seeded-keys.js";

const SEED = process.env.PROPERTY_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.PROPERTY_SEED ?? 7_520);
const SIZES = [2048, 2048, 3072, 4096];
const CLAIM_SETS_PER_KEY = 3;

// Evaluated as the scripts' loader evaluates it.
const engine = new Function(
  `${readFileSync(`${sandboxDir()}/engine.js`, "utf8")}\nreturn __imsAuthEngine;`,
)() as typeof import("../../src/sandbox/scripts/engine.js");

let keys: KeyObject[];
beforeAll(async () => {
  console.log(`property: seed ${SEED}; replay with PROPERTY_SEED=${SEED} npx vitest run test/unit/property.test.ts`);
  keys = await Promise.all(SIZES.map((bits, index) => seededRsaKey(new Random(SEED * 17 + index), bits)));
}, 120_000);

const CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const NAME_CHARS = `${CHARS}_.-`;

/** A random key form: PEM as users paste it, sometimes encrypted with a random passphrase. */
function randomForm(random: Random, key: KeyObject): { text: string; passphrase: string; form: string } {
  const passphrase = random.string(`${CHARS} é✓`, 24) || "p";
  const forms: Array<[string, () => string]> = [
    ["PKCS#1", () => key.export({ type: "pkcs1", format: "pem" }).toString()],
    ["PKCS#8", () => key.export({ type: "pkcs8", format: "pem" }).toString()],
    ["PKCS#8 AES-256-CBC", () => key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase }).toString()],
    ["legacy PKCS#1 DES-EDE3-CBC", () => key.export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase }).toString()],
    ["PKCS#8 PBKDF2-HMAC-SHA1 AES-128-CBC", () => pbes2Pem(key, passphrase, { cipher: "aes-128-cbc", iterations: 1 + random.int(3000) })],
  ];
  const [form, make] = random.pick(forms);
  let text = make();
  const wrapping = random.int(4);
  if (wrapping === 1) text = text.replace(/\n/g, "\\n");
  if (wrapping === 2) text = JSON.stringify(text.replace(/\n/g, "\r\n"));
  if (wrapping === 3) text = Buffer.from(text).toString("base64");
  return { text, passphrase, form: `${form}${["", ", \\n escapes", ", CRLF in JSON quotes", ", base64"][wrapping]}` };
}

function randomConfig(random: Random, text: string, passphrase: string): JwtConfig {
  const hex = (length: number) => random.string("0123456789ABCDEF", length).padEnd(length, "0");
  return {
    ims: random.pick(["ims-na1.adobelogin.com", "ims-na1-stg1.adobelogin.com", "127.0.0.1:8443"]),
    orgId: `${hex(24)}@AdobeOrg`,
    technicalAccountId: `${hex(24)}@techacct.adobe.com`,
    clientId: random.string("0123456789abcdef", 32) || "c",
    clientSecret: `p8e-${random.string(CHARS, 32)}`,
    metascopes: Array.from({ length: 1 + random.int(4) }, () => random.string(NAME_CHARS, 30) || "ent_x"),
    privateKey: text,
    privateKeyPassphrase: passphrase,
  };
}

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
}

describe("random keys and claims make tokens Node's crypto verifies", () => {
  it.each(SIZES.map((bits, index) => [bits, index] as const))("%i-bit key #%i", (bits, index) => {
    const random = new Random(SEED * 31 + index);
    const key = keys[index]!;
    const publicKey = createPublicKey(key);
    for (let round = 0; round < CLAIM_SETS_PER_KEY; round++) {
      const { text, passphrase, form } = randomForm(random, key);
      const config = randomConfig(random, text, passphrase);
      const now = 1_600_000_000_000 + random.int(1e12);
      const token = engine.createJwtAssertion(config, now);
      const [h, p, s, ...rest] = token.split(".");
      expect(rest, form).toEqual([]);
      expect(verify("sha256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s!, "base64url")), `${bits}-bit, ${form}`).toBe(true);
      expect(Buffer.from(s!, "base64url").length).toBe(bits / 8);
      expect(decode(h!)).toEqual({ alg: "RS256", typ: "JWT" });
      const expected: Record<string, unknown> = {
        exp: Math.floor(now / 1000) + 300,
        iss: config.orgId,
        sub: config.technicalAccountId,
        aud: `https://${config.ims}/c/${config.clientId}`,
      };
      for (const metascope of config.metascopes) expected[`https://${config.ims}/s/${metascope}`] = true;
      expect(decode(p!), form).toEqual(expected);
    }
  });

  it("any UTF-8 payload, astral characters included, is signed over its exact bytes", () => {
    const random = new Random(SEED);
    const key = keys[0]!;
    const loaded = engine.loadPrivateKey(key.export({ type: "pkcs8", format: "pem" }).toString());
    for (let round = 0; round < 5; round++) {
      const payload = JSON.stringify({ text: random.string(`${CHARS}é€✓😀\u2028"\\\n`, 200), n: random.int(1e9) });
      const [h, p, s] = engine.signRs256(engine.JWT_HEADER, payload, loaded).split(".") as [string, string, string];
      expect(Buffer.from(p, "base64url").toString("utf8")).toBe(payload);
      expect(verify("sha256", Buffer.from(`${h}.${p}`), createPublicKey(key), Buffer.from(s, "base64url"))).toBe(true);
    }
  });
});
