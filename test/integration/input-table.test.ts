// Every input class the hardening issue lists, with its expected named error or acceptance, through the compiled
// scripts in Newman against the emulator: one Newman iteration per row of the JWT and S2S tables, one run per
// automatic-authentication row. Accepted rows get a real token from the emulator.

import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRsaKeyPair } from "../../src/emulator/certificate.js";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { der, otherSchemePem, pbes2Pem, pem, pkcs1Pem, rsaFields } from "../helpers/encrypted-keys.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { apiCollection } from "../helpers/collections.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";
import { runRows, type RowTest } from "../helpers/table-run.js";

type Expected = "accepted" | { readonly code: string; readonly variable?: string; readonly message: RegExp };
type Row = readonly [name: string, values: () => Record<string, string>, expected: Expected];

const PASS = "table passphrase ✓ 42";
let ctx: EmulatorContext;
let host: string;
let pkcs8: string;
let pkcs1: string;

beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  host = ctx.emulator.host;
  pkcs8 = ctx.credential.privateKeyPem;
  pkcs1 = createPrivateKey(pkcs8).export({ type: "pkcs1", format: "pem" }).toString();
});
afterAll(async () => ctx.close());

const key = () => createPrivateKey(pkcs8);
const refused = (code: string, message: RegExp, variable?: string): Expected => ({ code, message, ...(variable ? { variable } : {}) });
const keyError = (code: string, message: RegExp) => refused(code, message, "PRIVATE_KEY");
const lines = () => pkcs1.split("\n");

/** The JWT request: every form of PRIVATE_KEY, the passphrase, and the other JWT variables. */
const JWT_ROWS: Row[] = [
  ["PKCS#8 PEM", () => ({ PRIVATE_KEY: pkcs8 }), "accepted"],
  ["PKCS#1 PEM", () => ({ PRIVATE_KEY: pkcs1 }), "accepted"],
  ["PKCS#1 with CRLF line ends (AEM service credentials)", () => ({ PRIVATE_KEY: pkcs1.replace(/\n/g, "\r\n") }), "accepted"],
  [
    "indented, with a BOM and blank lines around it",
    () => ({ PRIVATE_KEY: `\uFEFF\n\n    ${pkcs8.trim().replace(/\n/g, "\n    ")}\n\n` }),
    "accepted",
  ],
  ["newlines as literal \\n escapes (CI secrets, JSON files)", () => ({ PRIVATE_KEY: pkcs8.replace(/\n/g, "\\n") }), "accepted"],
  ["newlines as literal \\r\\n escapes", () => ({ PRIVATE_KEY: pkcs1.replace(/\n/g, "\\r\\n") }), "accepted"],
  ["wrapped in JSON quotes", () => ({ PRIVATE_KEY: JSON.stringify(pkcs8) }), "accepted"],
  ["base64 of the whole PEM (CI secrets)", () => ({ PRIVATE_KEY: Buffer.from(pkcs8).toString("base64") }), "accepted"],
  ["flattened onto one line", () => ({ PRIVATE_KEY: pkcs8.trim().replace(/\n/g, " ") }), "accepted"],
  ["a PKCS#8 key under an RSA PRIVATE KEY label", () => ({ PRIVATE_KEY: pkcs8.replace(/PRIVATE KEY/g, "RSA PRIVATE KEY") }), "accepted"],
  [
    "encrypted PKCS#8, AES-256-CBC, PBKDF2-HMAC-SHA256 (openssl pkcs8 -topk8 -v2 aes-256-cbc)",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    "accepted",
  ],
  [
    "encrypted PKCS#8, AES-128-CBC, PBKDF2-HMAC-SHA1 (OpenSSL 1.0)",
    () => ({ PRIVATE_KEY: pbes2Pem(key(), PASS, { cipher: "aes-128-cbc" }), PRIVATE_KEY_PASSPHRASE: PASS }),
    "accepted",
  ],
  [
    "encrypted PKCS#8, DES-EDE3-CBC",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs8", format: "pem", cipher: "des-ede3-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    "accepted",
  ],
  [
    "legacy encrypted PKCS#1, AES-256-CBC (Proc-Type: 4,ENCRYPTED)",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    "accepted",
  ],
  [
    "legacy encrypted PKCS#1, DES-EDE3-CBC (openssl genrsa -des3)",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    "accepted",
  ],
  [
    "legacy encrypted, with literal \\n escapes",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs1", format: "pem", cipher: "aes-128-cbc", passphrase: PASS }).toString().replace(/\n/g, "\\n"),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    "accepted",
  ],
  ["a passphrase with an unencrypted key (ignored)", () => ({ PRIVATE_KEY: pkcs8, PRIVATE_KEY_PASSPHRASE: PASS }), "accepted"],

  [
    "a certificate",
    () => ({ PRIVATE_KEY: ctx.credential.certificatePem }),
    keyError("ERR_PRIVATE_KEY_TYPE", /holds a certificate \(BEGIN CERTIFICATE\)/),
  ],
  [
    "a public key (SPKI)",
    () => ({
      PRIVATE_KEY: generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString(),
    }),
    keyError("ERR_PRIVATE_KEY_TYPE", /holds a public key \(BEGIN PUBLIC KEY\)/),
  ],
  [
    "a public key (PKCS#1)",
    () => ({
      PRIVATE_KEY: generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "pkcs1", format: "pem" }).toString(),
    }),
    keyError("ERR_PRIVATE_KEY_TYPE", /holds a public key \(BEGIN RSA PUBLIC KEY\)/),
  ],
  [
    "a certificate signing request",
    () => ({ PRIVATE_KEY: "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----" }),
    keyError("ERR_PRIVATE_KEY_TYPE", /certificate signing request/),
  ],
  [
    "an EC key (SEC1)",
    () => ({
      PRIVATE_KEY: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }).toString(),
    }),
    keyError("ERR_PRIVATE_KEY_TYPE", /is an EC key; Adobe IMS needs an RSA private key/),
  ],
  [
    "an EC key (PKCS#8)",
    () => ({
      PRIVATE_KEY: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    }),
    keyError("ERR_PRIVATE_KEY_TYPE", /not an RSA key \(it is an EC key\)/),
  ],
  [
    "an Ed25519 key",
    () => ({ PRIVATE_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() }),
    keyError("ERR_PRIVATE_KEY_TYPE", /it is an Ed25519 key/),
  ],
  [
    "an RSA-PSS key",
    () => ({
      PRIVATE_KEY: generateKeyPairSync("rsa-pss", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    }),
    keyError("ERR_PRIVATE_KEY_TYPE", /RSA-PSS/),
  ],
  [
    "an OpenSSH key",
    () => ({ PRIVATE_KEY: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----" }),
    keyError("ERR_PRIVATE_KEY_TYPE", /OpenSSH's own format/),
  ],
  ["a multi-prime RSA key", () => ({ PRIVATE_KEY: pkcs1Pem(rsaFields(key()), 1) }), keyError("ERR_PRIVATE_KEY_TYPE", /multi-prime/)],
  [
    "an RSA key under 2048 bits",
    () => ({ PRIVATE_KEY: makeRsaKeyPair(1024).privateKeyPem }),
    keyError("ERR_PRIVATE_KEY_SIZE", /is a 1024-bit RSA key; at least 2048 bits/),
  ],
  [
    "an RSA key over 8192 bits",
    () => ({ PRIVATE_KEY: pkcs1Pem({ ...rsaFields(key()), n: Buffer.concat([Buffer.from([0xc1]), Buffer.alloc(1150, 7)]) }) }),
    keyError("ERR_PRIVATE_KEY_SIZE", /at most 8192 bits/),
  ],
  [
    "a key cut short (no END line)",
    () => ({ PRIVATE_KEY: pkcs8.slice(0, 900) }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /is cut short: its -----END PRIVATE KEY----- line is missing/),
  ],
  [
    "a key with lines missing from the middle",
    () => ({ PRIVATE_KEY: [...lines().slice(0, 5), ...lines().slice(9)].join("\n") }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /is incomplete: part of the key is missing/),
  ],
  [
    "a key with stray characters",
    () => ({ PRIVATE_KEY: pkcs1.replace(/\n(.{10})/, "\n$1 é") }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /line 2 holds characters that are not base64/),
  ],
  [
    "a garbled key (a character changed)",
    () => ({
      PRIVATE_KEY: lines()
        .map((line, i) => (i === 2 ? line.replace(/^./, (c) => (c === "A" ? "B" : "A")) : line))
        .join("\n"),
    }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /numbers do not fit together/),
  ],
  [
    "a key with a damaged CRT exponent",
    () => {
      const fields = rsaFields(key());
      const dp = Buffer.from(fields.dp);
      dp[dp.length - 1]! ^= 4;
      return { PRIVATE_KEY: pkcs1Pem({ ...fields, dp }) };
    },
    keyError("ERR_PRIVATE_KEY_FORMAT", /a signature made with it does not check out/),
  ],
  ["text that is no key", () => ({ PRIVATE_KEY: "my private key" }), keyError("ERR_PRIVATE_KEY_FORMAT", /is not a PEM private key/)],
  [
    "the base64 without BEGIN and END lines",
    () => ({ PRIVATE_KEY: pkcs8.split("\n").slice(1, -2).join("\n") }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /without its -----BEGIN and -----END lines/),
  ],
  [
    "a JSON Web Key",
    () => ({ PRIVATE_KEY: JSON.stringify(key().export({ format: "jwk" })) }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /JSON Web Key/),
  ],
  [
    "a PuTTY key",
    () => ({ PRIVATE_KEY: "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none" }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /PuTTY key/),
  ],
  [
    "a certificate and the key together",
    () => ({ PRIVATE_KEY: `${ctx.credential.certificatePem}\n${pkcs8}` }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /holds 2 PEM blocks \(CERTIFICATE, PRIVATE KEY\)/),
  ],
  [
    "far too much text",
    () => ({ PRIVATE_KEY: pkcs8 + "A".repeat(70_000) }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /characters long, far more than one private key/),
  ],
  [
    "an encrypted key without PRIVATE_KEY_PASSPHRASE",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: "",
    }),
    refused("ERR_PRIVATE_KEY_PASSPHRASE", /PRIVATE_KEY is encrypted, but PRIVATE_KEY_PASSPHRASE is not set/, "PRIVATE_KEY_PASSPHRASE"),
  ],
  [
    "a wrong passphrase (PKCS#8)",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: "not the passphrase",
    }),
    refused("ERR_PRIVATE_KEY_PASSPHRASE", /PRIVATE_KEY_PASSPHRASE does not decrypt PRIVATE_KEY/, "PRIVATE_KEY_PASSPHRASE"),
  ],
  [
    "a wrong passphrase (legacy)",
    () => ({
      PRIVATE_KEY: key().export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
      PRIVATE_KEY_PASSPHRASE: "not the passphrase",
    }),
    refused("ERR_PRIVATE_KEY_PASSPHRASE", /does not decrypt/, "PRIVATE_KEY_PASSPHRASE"),
  ],
  [
    "an old PBES1 encryption",
    () => ({ PRIVATE_KEY: otherSchemePem("pbes1"), PRIVATE_KEY_PASSPHRASE: PASS }),
    keyError("ERR_PRIVATE_KEY_ENCRYPTION", /encrypted with the old PBES1 scheme/),
  ],
  [
    "scrypt encryption",
    () => ({ PRIVATE_KEY: otherSchemePem("scrypt"), PRIVATE_KEY_PASSPHRASE: PASS }),
    keyError("ERR_PRIVATE_KEY_ENCRYPTION", /encrypted with scrypt/),
  ],
  [
    "a legacy cipher we cannot decrypt",
    () => ({
      PRIVATE_KEY: key()
        .export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: PASS })
        .toString()
        .replace("AES-256-CBC", "CAMELLIA-256-CBC"),
      PRIVATE_KEY_PASSPHRASE: PASS,
    }),
    keyError("ERR_PRIVATE_KEY_ENCRYPTION", /encrypted with CAMELLIA-256-CBC/),
  ],
  [
    "an absurd PBKDF2 iteration count",
    () => ({ PRIVATE_KEY: pbes2Pem(key(), PASS, { iterations: 2 ** 31 - 1 }), PRIVATE_KEY_PASSPHRASE: PASS }),
    keyError("ERR_PRIVATE_KEY_ENCRYPTION", /2147483647 PBKDF2 iterations; at most 100000/),
  ],
  [
    "a forged key with absurd sizes",
    () => ({
      PRIVATE_KEY: pem("RSA PRIVATE KEY", der.seq(der.int(0), ...Array.from({ length: 8 }, () => der.uint(Buffer.alloc(600, 0x55))))),
    }),
    keyError("ERR_PRIVATE_KEY_FORMAT", /could not be read: the key is damaged/),
  ],

  [
    "IMS with https:// and a trailing slash",
    () => ({ IMS: `https://${host}/` }),
    refused(
      "ERR_INVALID_VARIABLE",
      /IMS is "https:\/\/127\.0\.0\.1:\d+\/" but must be a bare host name.*: set IMS to "127\.0\.0\.1:\d+"/,
      "IMS",
    ),
  ],
  [
    "IMS with a path",
    () => ({ IMS: `${host}/ims/exchange/jwt` }),
    refused("ERR_INVALID_VARIABLE", /must be a bare host name, without https:\/\/, a path or a trailing slash: set IMS to/, "IMS"),
  ],
  [
    "IMS_ORG without @AdobeOrg",
    () => ({ IMS_ORG: ctx.credential.integration.orgId.replace("@AdobeOrg", "") }),
    refused("ERR_INVALID_VARIABLE", /set IMS_ORG to "[0-9A-F]+@AdobeOrg"/, "IMS_ORG"),
  ],
  [
    "IMS_ORG with @adobeorg in lower case",
    () => ({ IMS_ORG: ctx.credential.integration.orgId.toLowerCase() }),
    refused("ERR_INVALID_VARIABLE", /set IMS_ORG to "[0-9a-f]+@AdobeOrg"/, "IMS_ORG"),
  ],
  [
    "IMS_ORG holding the technical account ID",
    () => ({ IMS_ORG: ctx.credential.integration.technicalAccountId }),
    refused("ERR_INVALID_VARIABLE", /IMS_ORG holds a technical account ID.*swapped/, "IMS_ORG"),
  ],
  [
    "TECHNICAL_ACCOUNT_ID without @techacct.adobe.com",
    () => ({ TECHNICAL_ACCOUNT_ID: "ABCDEF0123456789ABCDEF01" }),
    refused("ERR_INVALID_VARIABLE", /set TECHNICAL_ACCOUNT_ID to "ABCDEF0123456789ABCDEF01@techacct\.adobe\.com"/, "TECHNICAL_ACCOUNT_ID"),
  ],
  [
    "TECHNICAL_ACCOUNT_ID holding the organization ID",
    () => ({ TECHNICAL_ACCOUNT_ID: ctx.credential.integration.orgId }),
    refused("ERR_INVALID_VARIABLE", /TECHNICAL_ACCOUNT_ID holds an organization ID.*swapped/, "TECHNICAL_ACCOUNT_ID"),
  ],
  ["API_KEY with a space", () => ({ API_KEY: "abc def" }), refused("ERR_INVALID_VARIABLE", /client ID only/, "API_KEY")],
  [
    "the client secret in API_KEY",
    () => ({ API_KEY: ctx.credential.integration.clientSecret }),
    refused("ERR_INVALID_VARIABLE", /API_KEY holds a client secret/, "API_KEY"),
  ],
  [
    "CLIENT_SECRET with a space",
    () => ({ CLIENT_SECRET: "p8e-two words" }),
    refused("ERR_INVALID_VARIABLE", /CLIENT_SECRET contains spaces or line breaks/, "CLIENT_SECRET"),
  ],
  [
    "CLIENT_SECRET the same as API_KEY",
    () => ({ CLIENT_SECRET: ctx.credential.integration.clientId }),
    refused("ERR_INVALID_VARIABLE", /CLIENT_SECRET is the same as API_KEY/, "CLIENT_SECRET"),
  ],
  [
    "the private key in CLIENT_SECRET",
    () => ({ CLIENT_SECRET: pkcs8 }),
    refused("ERR_INVALID_VARIABLE", /CLIENT_SECRET holds a PEM key/, "CLIENT_SECRET"),
  ],
  [
    "META_SCOPE with spaces after commas and a duplicate",
    () => ({ META_SCOPE: " ent_aem_cloud_sdk , ent_cloudmgr_sdk,ent_aem_cloud_sdk," }),
    "accepted",
  ],
  [
    "META_SCOPE as full claim URLs",
    () => ({ META_SCOPE: `https://${host}/s/ent_aem_cloud_sdk,https://${host}/s/ent_cloudmgr_sdk` }),
    "accepted",
  ],
  ["META_SCOPE as a JSON array", () => ({ META_SCOPE: '["ent_aem_cloud_sdk","ent_cloudmgr_sdk"]' }), "accepted"],
  [
    "META_SCOPE joined with semicolons",
    () => ({ META_SCOPE: "ent_aem_cloud_sdk;ent_cloudmgr_sdk" }),
    refused("ERR_INVALID_VARIABLE", /not a valid name.*Separate several with commas/, "META_SCOPE"),
  ],
  [
    "META_SCOPE with another IMS host's URL",
    () => ({ META_SCOPE: "https://ims-na1.adobelogin.com/s/ent_aem_cloud_sdk" }),
    refused("ERR_INVALID_VARIABLE", /is for IMS host ims-na1\.adobelogin\.com/, "META_SCOPE"),
  ],
  ["META_SCOPE with only commas", () => ({ META_SCOPE: " , ," }), refused("ERR_MISSING_VARIABLE", /lists no metascope/, "META_SCOPE")],
  [
    "values with spaces around them",
    () => ({ IMS_ORG: `  ${ctx.credential.integration.orgId}\t`, API_KEY: ` ${ctx.credential.integration.clientId} ` }),
    "accepted",
  ],
  [
    "a value referring to another variable",
    () => ({ IMS_ORG: "{{ORG_HEX}}@AdobeOrg", ORG_HEX: ctx.credential.integration.orgId.replace("@AdobeOrg", "") }),
    "accepted",
  ],
  [
    "an unresolved {{VAR}}",
    () => ({ IMS_ORG: "{{ORG_ID}}" }),
    refused(
      "ERR_MISSING_VARIABLE",
      /IMS_ORG is not filled in: it still holds the placeholder \{\{ORG_ID\}\} \(no variable ORG_ID is defined\)/,
      "IMS_ORG",
    ),
  ],
  [
    "a <placeholder>",
    () => ({ TECHNICAL_ACCOUNT_ID: "<technical account id>" }),
    refused("ERR_MISSING_VARIABLE", /is not filled in/, "TECHNICAL_ACCOUNT_ID"),
  ],
  ["template text", () => ({ API_KEY: "YOUR_CLIENT_ID" }), refused("ERR_MISSING_VARIABLE", /API_KEY is not filled in/, "API_KEY")],
  [
    "a secret a script set to undefined",
    () => ({ CLIENT_SECRET: "undefined" }),
    refused("ERR_MISSING_VARIABLE", /CLIENT_SECRET is not set/, "CLIENT_SECRET"),
  ],
];

/** The OAuth Server-to-Server request: SCOPES and the S2S form. */
const S2S_ROWS: Row[] = [
  ["SCOPES with spaces and a duplicate", () => ({ SCOPES: "openid , AdobeID,openid" }), "accepted"],
  ["SCOPES as a JSON array", () => ({ SCOPES: '["openid","AdobeID"]' }), "accepted"],
  [
    "SCOPES joined with semicolons",
    () => ({ SCOPES: "openid;AdobeID" }),
    refused("ERR_INVALID_VARIABLE", /SCOPES entry "openid;AdobeID" is not a valid name/, "SCOPES"),
  ],
  ["SCOPES empty", () => ({ SCOPES: "" }), refused("ERR_MISSING_VARIABLE", /SCOPES is not set/, "SCOPES")],
  [
    "a client secret IMS does not know",
    () => ({ CLIENT_SECRET: "p8e-WRONG-SECRET" }),
    refused("ERR_IMS_REJECTED", /HTTP 400 invalid_client: "invalid client_secret parameter"/),
  ],
];

function judge(name: string, tests: readonly RowTest[], expected: Expected): void {
  if (expected === "accepted") {
    expect(tests, name).toEqual([{ test: "IMS issued an access token" }, { test: "ACCESS_TOKEN is stored for the next requests" }]);
    return;
  }
  const failed = tests.filter((test) => test.error !== undefined);
  expect(failed.length, `${name}: ${JSON.stringify(tests)}`).toBeGreaterThan(0);
  const [first] = failed;
  expect(first!.error, name).toMatch(new RegExp(`^${expected.code}: `));
  expect(first!.error, name).toMatch(expected.message);
  expect(first!.test, name).toBe(expected.variable ? `${expected.variable} is set correctly` : "IMS issued an access token");
}

describe("the JWT request, one Newman iteration per input class", () => {
  it(`${JWT_ROWS.length} rows`, async () => {
    ctx.emulator.reset();
    const results = await runRows(
      ctx,
      JWT_REQUEST_NAME,
      JWT_ROWS.map(([, values]) => values()),
    );
    JWT_ROWS.forEach(([name, , expected], index) => {
      judge(name, results[index]!, expected);
    });
    // Only the accepted rows reached IMS: every refusal was made before sending.
    expect(ctx.emulator.calls.jwtExchange).toBe(JWT_ROWS.filter(([, , expected]) => expected === "accepted").length);
  });
});

describe("the OAuth Server-to-Server request", () => {
  it(`${S2S_ROWS.length} rows`, async () => {
    ctx.emulator.reset();
    // An OAuth Server-to-Server credential only, as its users have it: with a key too, the JWT request would be the one.
    const results = await runRows(
      ctx,
      S2S_REQUEST_NAME,
      S2S_ROWS.map(([, values]) => ({ PRIVATE_KEY: "", META_SCOPE: "", ...values() })),
    );
    S2S_ROWS.forEach(([name, , expected], index) => {
      judge(name, results[index]!, expected);
    });
  });
});

describe("automatic authentication before an API request, one run per row", () => {
  const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
  const ONLY_TOKEN = { PRIVATE_KEY: "", META_SCOPE: "", CLIENT_SECRET: "", SCOPES: "", API_KEY: "" };
  const jwtShaped = (payload: object) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.c2lnbmF0dXJl`;

  async function runApi(overrides: Record<string, string>, setup: () => void = () => undefined) {
    ctx.emulator.reset();
    setup();
    return ctx.run(overrides, { collection: apiCollection(1), folder: "Platform" });
  }

  it.each<[string, () => Record<string, string>, () => void, Expected]>([
    [
      "an encrypted key with its passphrase (JWT flow)",
      () => ({
        SCOPES: "",
        PRIVATE_KEY: key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString(),
        PRIVATE_KEY_PASSPHRASE: PASS,
      }),
      () => undefined,
      "accepted",
    ],
    [
      "a wrong passphrase (JWT flow)",
      () => ({
        SCOPES: "",
        PRIVATE_KEY: key().export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: PASS }).toString(),
        PRIVATE_KEY_PASSPHRASE: "nope",
      }),
      () => undefined,
      refused("ERR_PRIVATE_KEY_PASSPHRASE", /does not decrypt/, "PRIVATE_KEY_PASSPHRASE"),
    ],
    [
      "IMS's clock an hour ahead: the JWT is expired for IMS",
      () => ({ SCOPES: "" }),
      () => (ctx.emulator.clockOffsetMs = 3_600_000),
      refused("ERR_IMS_REJECTED", /JWT token is expired.*This computer's clock reads .* the machine's clock may be wrong/),
    ],
    [
      "IMS's clock a day behind: the JWT expires too far ahead",
      () => ({ SCOPES: "" }),
      () => (ctx.emulator.clockOffsetMs = -25 * 3_600_000),
      refused("ERR_IMS_REJECTED", /more than 24 hours ahead.*the machine's clock may be wrong/),
    ],
    [
      "AUTH_FLOW unknown",
      () => ({ ...S2S, AUTH_FLOW: "password" }),
      () => undefined,
      refused("ERR_INVALID_VARIABLE", /AUTH_FLOW is "password" but must be jwt, oauth-s2s, user or token/, "AUTH_FLOW"),
    ],
    [
      "TOKEN_MARGIN_MINUTES not a number",
      () => ({ ...S2S, TOKEN_MARGIN_MINUTES: "soon", ACCESS_TOKEN: "x.y.z", ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + 3_600_000) }),
      () => undefined,
      refused("ERR_INVALID_VARIABLE", /TOKEN_MARGIN_MINUTES is "soon" but must be a number of minutes/, "TOKEN_MARGIN_MINUTES"),
    ],
    [
      "no credentials at all",
      () => ({ ...ONLY_TOKEN }),
      () => undefined,
      refused("ERR_AUTH_FLOW", /No credentials to get an access token/, "AUTH_FLOW"),
    ],
    [
      "a pasted token with its Bearer prefix",
      () => ({ ...ONLY_TOKEN, ACCESS_TOKEN: `Bearer ${jwtShaped({})}` }),
      () => undefined,
      refused("ERR_INVALID_VARIABLE", /ACCESS_TOKEN starts with "Bearer "/, "ACCESS_TOKEN"),
    ],
    [
      "a pasted token inside its JSON",
      () => ({ ...ONLY_TOKEN, ACCESS_TOKEN: JSON.stringify({ ok: true, statusCode: 200, accessToken: jwtShaped({}) }) }),
      () => undefined,
      refused("ERR_INVALID_VARIABLE", /ACCESS_TOKEN holds JSON/, "ACCESS_TOKEN"),
    ],
    [
      "a pasted token that has expired",
      () => ({ ...ONLY_TOKEN, ACCESS_TOKEN: jwtShaped({ created_at: String(Date.now() - 90_000_000), expires_in: "86400000" }) }),
      () => undefined,
      refused("ERR_TOKEN_EXPIRED", /ACCESS_TOKEN expired at .*There is no key or client secret to renew it.*clock reads/, "ACCESS_TOKEN"),
    ],
  ])("%s", async (name, overrides, setup, expected) => {
    const result = await runApi(overrides(), setup);
    if (expected === "accepted") {
      expect(result.failures, name).toEqual([]);
      expect(ctx.emulator.calls.api).toBe(1);
      return;
    }
    expect(ctx.emulator.calls.api, name).toBe(0);
    const [first] = result.failures;
    expect(first?.message, name).toMatch(new RegExp(`^${expected.code}: `));
    expect(first?.message, name).toMatch(expected.message);
    if (expected.variable) expect(first?.test).toBe(`${expected.variable} is set correctly`);
  });

  it("a pasted token IMS issued is used as it is", async () => {
    const first = await runApi(S2S);
    const token = first.environment.ACCESS_TOKEN ?? "";
    expect(token.split(".")).toHaveLength(3);
    // API_KEY stays: the API checks it against the token's client (it is not a credential to get one).
    const result = await runApi({ ...ONLY_TOKEN, API_KEY: ctx.credential.integration.clientId, ACCESS_TOKEN: token });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls).toMatchObject({ tokenV3: 0, jwtExchange: 0, api: 1 });
  });
});

// Each hash and cipher the engine carries (noble's SHA-256, SHA-1, MD5, PBKDF2, AES; des.js) runs in this sandbox too.
describe("in the Postman app's runtime (postman-runtime 7.56, sandbox 6.7) too", () => {
  it.each([
    ["encrypted PKCS#8", () => key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString()],
    ["encrypted PKCS#8, AES-128-CBC, PBKDF2-HMAC-SHA1", () => pbes2Pem(key(), PASS, { cipher: "aes-128-cbc" })],
    [
      "legacy encrypted PKCS#1, DES-EDE3-CBC",
      () => key().export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: PASS }).toString(),
    ],
  ])("%s: decrypted, signed, accepted by IMS, nothing printed", async (_name, text) => {
    ctx.emulator.reset();
    const result = await ctx.run(
      { PRIVATE_KEY: text(), PRIVATE_KEY_PASSPHRASE: PASS },
      { folder: JWT_REQUEST_NAME },
      runWithPostmanRuntime,
    );
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(consoleProblems(result.console)).toEqual([]);
  });

  it("a wrong passphrase is the same named failure there", async () => {
    const text = key().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASS }).toString();
    const result = await ctx.run(
      { PRIVATE_KEY: text, PRIVATE_KEY_PASSPHRASE: "wrong" },
      { folder: JWT_REQUEST_NAME },
      runWithPostmanRuntime,
    );
    expect(result.failures[0]).toMatchObject({
      test: "PRIVATE_KEY_PASSPHRASE is set correctly",
      message: expect.stringMatching(/^ERR_PRIVATE_KEY_PASSPHRASE: PRIVATE_KEY_PASSPHRASE does not decrypt/),
    });
  });
});
