// Canary: every flow and error path, run by Newman's own command line with recognisable fake secrets under the
// cli (--verbose), json and junit reporters and --export-environment; all output is searched for the secrets.
// A secret may appear only in the variable that holds it, and in the HTTP traffic that --verbose and the JSON
// reporter record by design (token requests' form and answer, API requests' Authorization header): docs/ci.md,
// "Secrets in Newman output". Everything else (test names, failure messages, console, junit, stderr) must be clean.

import { execFile } from "node:child_process";
import { createPrivateKey, randomBytes, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRsaKeyPair } from "../../src/emulator/certificate.js";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeThrowawayCredential, type ThrowawayCredential } from "../../src/emulator/service/integration.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { JWT_REQUEST_NAME, S2S_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { emulatorEnvironment, writeCaFile } from "../../src/runner/emulator-environment.js";
import { jsonReportToSearch, search, withoutOwnVariables, withoutTokenRequestBodies, type Found, type Secret } from "../helpers/canary.js";
import { apiCollection } from "../helpers/collections.js";

const tag = () => randomBytes(8).toString("hex").toUpperCase();
const CLIENT_SECRET = `p8e-CANARY-SECRET-${tag()}`;
const WRONG_SECRET = `p8e-CANARY-WRONG-${tag()}`;
const PASSPHRASE = `CANARY-passphrase-${tag()}`;
const WRONG_PASSPHRASE = `CANARY-wrong-passphrase-${tag()}`;
const NEWMAN = join(process.cwd(), "node_modules/newman/bin/newman.js");

interface Scenario {
  readonly name: string;
  readonly collection?: () => unknown;
  readonly folder?: string;
  readonly overrides?: () => Record<string, string>;
  /** Newman iteration data: one iteration per path, each overriding the environment (`-d`). */
  readonly rows?: () => Array<Record<string, string>>;
  /** Exit code and texts the CLI output must show, so that every path was really taken. */
  readonly exit: 0 | 1;
  readonly shows: RegExp[];
  readonly before?: () => void;
}

interface Outputs {
  readonly scenario: Scenario;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: Record<string, unknown>;
  readonly junit: string;
  readonly exported: { values: Array<{ key: string; value: unknown }> };
  /** What each variable was given, by the environment or an iteration. */
  readonly inputs: Record<string, string[]>;
}

let emulator: ImsEmulator;
let credential: ThrowawayCredential;
let ca: { file: string; remove: () => void };
let dir: string;
let key: KeyObject;
let encryptedPkcs8: string;
let legacyEncrypted: string;
let otherKey: string;
const outputs: Outputs[] = [];

beforeAll(async () => {
  const throwaway = makeThrowawayCredential({ metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"], scopes: ["openid", "AdobeID"] });
  credential = { ...throwaway, integration: { ...throwaway.integration, clientSecret: CLIENT_SECRET } };
  emulator = await ImsEmulator.start({ integrations: [credential.integration] });
  ca = writeCaFile(emulator);
  dir = mkdtempSync(join(tmpdir(), "canary-"));
  key = createPrivateKey(credential.privateKeyPem);
  encryptedPkcs8 = key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }).toString();
  legacyEncrypted = key.export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: PASSPHRASE }).toString();
  otherKey = makeRsaKeyPair().privateKeyPem;
});

afterAll(async () => {
  ca?.remove();
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `newman run` as a user would, with every reporter writing its files. */
async function newman(scenario: Scenario, index: number): Promise<Outputs> {
  const base = join(dir, String(index));
  const environment = emulatorEnvironment(emulator, credential, scenario.overrides?.() ?? {});
  const rows = scenario.rows?.();
  writeFileSync(`${base}-collection.json`, JSON.stringify(scenario.collection?.() ?? buildCollection()));
  writeFileSync(`${base}-environment.json`, JSON.stringify(environment));
  if (rows) writeFileSync(`${base}-data.json`, JSON.stringify(rows));
  const inputs: Record<string, string[]> = {};
  for (const [key, value] of [
    ...environment.values.map((item) => [item.key, item.value]),
    ...(rows ?? []).flatMap((row) => Object.entries(row)),
  ]) {
    inputs[key!] ??= [];
    inputs[key!]!.push(value!);
  }
  const args = [
    NEWMAN,
    "run",
    `${base}-collection.json`,
    "-e",
    `${base}-environment.json`,
    ...(rows ? ["-d", `${base}-data.json`] : []),
    ...(scenario.folder ? ["--folder", scenario.folder] : []),
    "--ssl-extra-ca-certs",
    ca.file,
    "--color",
    "off",
    "--verbose",
    "--reporters",
    "cli,json,junit",
    "--reporter-json-export",
    `${base}-report.json`,
    "--reporter-junit-export",
    `${base}-report.xml`,
    "--export-environment",
    `${base}-exported.json`,
  ];
  const result = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => ({ ...done, code: 0 }),
    (failed: { stdout: string; stderr: string; code: number }) => failed,
  );
  const read = (file: string) => readFileSync(`${base}-${file}`, "utf8");
  return {
    scenario,
    code: result.code,
    stdout: result.stdout,
    stderr: result.stderr,
    json: JSON.parse(read("report.json")) as Record<string, unknown>,
    junit: read("report.xml"),
    exported: JSON.parse(read("exported.json")) as Outputs["exported"],
    inputs,
  };
}

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const ONLY_TOKEN = { PRIVATE_KEY: "", META_SCOPE: "", CLIENT_SECRET: "", SCOPES: "" };
const api = () => apiCollection(2);
const firstIssued = () => emulator.issuedTokens[0] ?? "";
const expiredToken = () =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ created_at: String(Date.now() - 90_000_000), expires_in: "86400000", id: tag() })).toString("base64url")}.CANARY${tag()}${tag()}`;
let expired = "";
/** An expired pasted token, remembered so the canary can search every output for it. */
function newExpiredToken(): string {
  expired = expiredToken();
  return expired;
}

/** The paths of the JWT request, one Newman iteration each. */
const JWT_REQUEST_ROWS = (): Array<Record<string, string>> => [
  { PRIVATE_KEY: encryptedPkcs8, PRIVATE_KEY_PASSPHRASE: PASSPHRASE },
  { PRIVATE_KEY: legacyEncrypted, PRIVATE_KEY_PASSPHRASE: "" },
  { CLIENT_SECRET: WRONG_SECRET },
  { PRIVATE_KEY: otherKey },
  { CLIENT_SECRET: `${CLIENT_SECRET} x` },
  { PRIVATE_KEY: legacyEncrypted.replace(/\n([A-Za-z0-9+/]{30})/, "\n$1!!"), PRIVATE_KEY_PASSPHRASE: PASSPHRASE },
  { API_KEY: CLIENT_SECRET },
  { CLIENT_SECRET: credential.privateKeyPem },
];

/**
 * The paths of automatic authentication, one iteration each; ACCESS_TOKEN_EXPIRES_AT=0 makes every
 * iteration get its own token instead of reusing the one the iteration before stored.
 */
const AUTO_AUTH_ROWS = (): Array<Record<string, string>> => [
  { ACCESS_TOKEN_EXPIRES_AT: "0", SCOPES: "", PRIVATE_KEY: legacyEncrypted, PRIVATE_KEY_PASSPHRASE: PASSPHRASE },
  { ACCESS_TOKEN_EXPIRES_AT: "0", ...S2S },
  { ACCESS_TOKEN_EXPIRES_AT: "0", SCOPES: "", PRIVATE_KEY: encryptedPkcs8, PRIVATE_KEY_PASSPHRASE: WRONG_PASSPHRASE },
  { ACCESS_TOKEN_EXPIRES_AT: "0", ...S2S, CLIENT_SECRET: WRONG_SECRET },
  { ACCESS_TOKEN_EXPIRES_AT: "0", ...ONLY_TOKEN, ACCESS_TOKEN: newExpiredToken() },
];

/** Scenarios that share nothing: run side by side. */
const PARALLEL: Scenario[] = [
  {
    name: "JWT request: encrypted key; missing passphrase; wrong client secret; key not matching; malformed secret, key, API_KEY",
    folder: JWT_REQUEST_NAME,
    rows: JWT_REQUEST_ROWS,
    exit: 1,
    shows: [
      /IMS issued an access token/,
      /ERR_PRIVATE_KEY_PASSPHRASE/,
      /invalid_client/,
      /Could not match JWT signature/,
      /ERR_INVALID_VARIABLE/,
      /ERR_PRIVATE_KEY_FORMAT/,
      /API_KEY holds a client secret/,
      /CLIENT_SECRET holds a PEM key/,
    ],
  },
  { name: "S2S request", folder: S2S_REQUEST_NAME, overrides: () => S2S, exit: 0, shows: [/IMS issued an access token/] },
  {
    name: "the whole collection: the JWT request (the S2S one skipped with a note) and the API",
    overrides: () => ({ PRIVATE_KEY: encryptedPkcs8, PRIVATE_KEY_PASSPHRASE: PASSPHRASE }),
    exit: 0,
    shows: [/Platform answered 200/],
  },
  {
    name: "auto-auth: JWT with an encrypted key; S2S; wrong passphrase; wrong client secret; an expired pasted token",
    collection: api,
    folder: "Platform",
    rows: AUTO_AUTH_ROWS,
    exit: 1,
    shows: [/Platform answered 200/, /ERR_PRIVATE_KEY_PASSPHRASE/, /ERR_IMS_REJECTED/, /ERR_TOKEN_EXPIRED/],
  },
];

/** Scenarios that change the emulator (faults, its clock) or need a token issued before: one at a time. */
const SEQUENTIAL: Scenario[] = [
  {
    name: "auto-auth, a pasted token",
    collection: api,
    folder: "Platform",
    overrides: () => ({ ...ONLY_TOKEN, ACCESS_TOKEN: firstIssued() }),
    exit: 0,
    shows: [/Platform answered 200/],
  },
  {
    name: "auto-auth, a pasted token with Bearer in front",
    collection: api,
    folder: "Platform",
    overrides: () => ({ ...ONLY_TOKEN, ACCESS_TOKEN: `Bearer ${firstIssued()}` }),
    exit: 1,
    shows: [/ACCESS_TOKEN starts with "Bearer "/],
  },
  {
    name: "auto-auth, IMS unavailable",
    collection: api,
    folder: "Platform",
    overrides: () => S2S,
    before: () =>
      emulator.injectFaults(
        "/ims/token/v3",
        Array.from({ length: 4 }, () => ({ status: 503, retryAfter: "0" })),
      ),
    exit: 1,
    shows: [/ERR_IMS_UNREACHABLE/],
  },
  {
    name: "auto-auth, IMS quoting the client secret back",
    collection: api,
    folder: "Platform",
    overrides: () => S2S,
    before: () =>
      emulator.injectFaults("/ims/token/v3", [
        { status: 400, error: "invalid_client", description: `client_secret ${CLIENT_SECRET} is not valid` },
      ]),
    exit: 1,
    shows: [/\[redacted\]/],
  },
  {
    name: "JWT request, IMS quoting the client secret back",
    folder: JWT_REQUEST_NAME,
    before: () =>
      emulator.injectFaults("/ims/exchange/jwt", [{ status: 401, error: "invalid_client", description: `client_secret=${CLIENT_SECRET}` }]),
    exit: 1,
    shows: [/\[redacted\]/],
  },
  {
    name: "auto-auth JWT, IMS's clock an hour ahead",
    collection: api,
    folder: "Platform",
    overrides: () => ({ SCOPES: "", PRIVATE_KEY: encryptedPkcs8, PRIVATE_KEY_PASSPHRASE: PASSPHRASE }),
    before: () => (emulator.clockOffsetMs = 3_600_000),
    exit: 1,
    shows: [/machine's clock may be wrong/],
  },
];

/** The private key as text and as numbers, in every form used: lines of base64 and hex of its private parts. */
function keySecrets(name: string, pem: string): Secret[] {
  const object = createPrivateKey(pem.includes("ENCRYPTED") ? { key: pem, passphrase: PASSPHRASE } : pem);
  const jwk = object.export({ format: "jwk" }) as Record<string, string>;
  const forms = [
    pem,
    object.export({ type: "pkcs1", format: "pem" }).toString(),
    object.export({ type: "pkcs8", format: "pem" }).toString(),
  ];
  return [
    ...forms.map((form, i) => ({ name: `${name} (form ${i})`, value: form.replace(/-----[A-Z ]+-----|Proc-Type:.*|DEK-Info:.*|\s/g, "") })),
    ...["d", "p", "q", "dp", "dq", "qi"].map((part) => ({
      name: `${name} ${part} (hex)`,
      value: Buffer.from(jwk[part] ?? "", "base64url").toString("hex"),
    })),
  ];
}

function secrets(): Secret[] {
  return [
    { name: "client secret", value: CLIENT_SECRET },
    { name: "wrong client secret", value: WRONG_SECRET },
    { name: "passphrase", value: PASSPHRASE },
    { name: "wrong passphrase", value: WRONG_PASSPHRASE },
    ...keySecrets("private key", credential.privateKeyPem),
    ...keySecrets("encrypted private key", encryptedPkcs8),
    ...keySecrets("legacy encrypted private key", legacyEncrypted),
    ...keySecrets("other private key", otherKey),
    ...emulator.issuedTokens.map((token, i) => ({ name: `access token ${i}`, value: token })),
    ...emulator.issuedTokens.map((token, i) => ({ name: `access token ${i} signature`, value: token.split(".")[2] ?? "" })),
    { name: "pasted expired token", value: expired },
    ...emulator.assertions.map((assertion, i) => ({ name: `signed JWT ${i} signature`, value: assertion.token.split(".")[2] ?? "" })),
  ];
}

/** What a run may hold where: a secret in its own variable (as given), or a token IMS issued in ACCESS_TOKEN. */
function allowedFor(run: Outputs) {
  return (variable: string, value: string) =>
    value !== "" &&
    ((run.inputs[variable] ?? []).includes(value) || (variable === "ACCESS_TOKEN" && emulator.issuedTokens.includes(value)));
}

function leaks(run: Outputs, all: readonly Secret[]): Found[] {
  const allowed = allowedFor(run);
  const where = (place: string) => `${run.scenario.name}: ${place}`;
  return [
    ...search(withoutTokenRequestBodies(run.stdout), where("cli output (--verbose), token requests' bodies aside"), all),
    ...search(run.stderr, where("stderr"), all),
    ...search(run.junit, where("junit report"), all),
    ...search(jsonReportToSearch(run.json, allowed), where("json report, HTTP traffic aside"), all),
    ...search(
      JSON.stringify(withoutOwnVariables(run.exported.values, allowed)),
      where("exported environment, each secret's own variable aside"),
      all,
    ),
  ];
}

describe("canary: no secret in any Newman output, in every flow and error path", () => {
  it(`${PARALLEL.length + SEQUENTIAL.length} runs of newman (several paths each, as iterations) with cli --verbose, json, junit and --export-environment`, async () => {
    outputs.push(...(await Promise.all(PARALLEL.map((scenario, i) => newman(scenario, i)))));
    for (const [i, scenario] of SEQUENTIAL.entries()) {
      emulator.clockOffsetMs = 0;
      scenario.before?.();
      outputs.push(await newman(scenario, PARALLEL.length + i));
    }
    emulator.clockOffsetMs = 0;
    for (const run of outputs) {
      expect([run.scenario.name, run.code], run.stderr).toEqual([run.scenario.name, run.scenario.exit]);
      for (const shown of run.scenario.shows) expect(run.stdout, run.scenario.name).toMatch(shown);
    }
    expect(emulator.issuedTokens.length).toBeGreaterThan(5);
    expect(emulator.assertions.length).toBeGreaterThan(3);

    const all = secrets();
    const found = outputs.flatMap((run) => leaks(run, all));
    expect(found).toEqual([]);
  }, 240_000);

  it("the exceptions are real and documented: --verbose prints a token request's form and answer, the exported environment holds the token", () => {
    const s2s = outputs.find((run) => run.scenario.name === "S2S request")!;
    expect(search(s2s.stdout, "raw cli output", [{ name: "client secret", value: CLIENT_SECRET }])).toHaveLength(1);
    const token = s2s.exported.values.find((value) => value.key === "ACCESS_TOKEN")?.value;
    expect(emulator.issuedTokens).toContain(token);
    // And none of it without --verbose: the plain CLI lines of a run carry no body at all.
    expect(search(withoutTokenRequestBodies(s2s.stdout), "cli", [{ name: "token", value: String(token) }])).toEqual([]);
  });
});
