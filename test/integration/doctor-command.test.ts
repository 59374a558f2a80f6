// `postman-ims-auth doctor` as a subprocess on a class's worth of credential files, each broken in its own way.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../src/emulator/certificate.js";
import type { CliResult } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import {
  aemCredentialsFor,
  certificateEnding,
  environmentFile,
  keyPairOf,
  pastedToken,
  workspace,
  type Workspace,
} from "../helpers/credential-files.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";
import { rsaKeyPems } from "../helpers/keys.js";

let ctx: EmulatorContext;
let broken: Workspace;
let good: Workspace;
let goodFiles: string[];

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };
const JWT = { SCOPES: "" };

/** File name → the code its row must name; "online" faults only show with --online. */
const FAULTS: Record<string, { code: RegExp; online?: true }> = {
  "key-certificate-mismatch.postman_environment.json": {
    code: /ERR_CERTIFICATE_MISMATCH: PRIVATE_KEY does not match the certificate in CERTIFICATE/,
  },
  "expired-certificate.postman_environment.json": {
    code: /ERR_CERTIFICATE_EXPIRED: the certificate in CERTIFICATE expired on \d{4}-\d\d-\d\d/,
  },
  "malformed-org-id.postman_environment.json": { code: /ERR_INVALID_VARIABLE: IMS_ORG is "1234-AdobeOrg" but must look like/ },
  "metascope-typo.postman_environment.json": { code: /ERR_IMS_REJECTED: .*invalid_scope.*Check META_SCOPE/, online: true },
  "missing-technical-account.postman_environment.json": { code: /ERR_MISSING_VARIABLE: TECHNICAL_ACCOUNT_ID is not set/ },
  "1024-bit-key.postman_environment.json": { code: /ERR_PRIVATE_KEY_SIZE: PRIVATE_KEY is a 1024-bit RSA key/ },
  "certificate-pasted-as-key.postman_environment.json": { code: /ERR_PRIVATE_KEY_TYPE: PRIVATE_KEY holds a certificate/ },
  "expired-pasted-token.postman_environment.json": { code: /ERR_TOKEN_EXPIRED: ACCESS_TOKEN expired at/ },
  "bad-ims-host.postman_environment.json": {
    code: /ERR_INVALID_VARIABLE: IMS is "https:\/\/ims-na1\.adobelogin\.com\/" but must be a bare host name.*set IMS to "ims-na1\.adobelogin\.com"/,
  },
  "wrong-client-secret.postman_environment.json": {
    code: /ERR_IMS_REJECTED: .*invalid_client.*Check CLIENT_SECRET: IMS did not accept it/,
    online: true,
  },
  "placeholder-api-key.postman_environment.json": {
    code: /ERR_MISSING_VARIABLE: API_KEY is not filled in: it still holds the placeholder <your client id>/,
  },
  "aem-without-private-key.json": { code: /ERR_CREDENTIALS_FILE: .*integration\.privateKey is missing/ },
  "aem-key-certificate-mismatch.json": {
    code: /ERR_CERTIFICATE_MISMATCH: PRIVATE_KEY does not match the certificate in integration\.publicKey.*\(In the credentials file: integration\.privateKey\.\)/,
  },
  "not-json.postman_environment.json": { code: /ERR_INPUT_FILE: .*not valid JSON/ },
};

beforeAll(async () => {
  // An AEM-shaped client id: these JWT files are about other faults, not Adobe's end of Developer Console JWT credentials.
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID"], clientId: "cm-p4242-e424242" });
  const { emulator, credential } = ctx;
  const env = (overrides: Record<string, string>, extra: Record<string, string> = {}) =>
    environmentFile(emulator, credential, overrides, extra);
  const keys = keyPairOf(credential);
  const otherKeys = makeRsaKeyPair(2048);

  broken = workspace("doctor-broken-");
  const write: Record<string, unknown> = {
    "key-certificate-mismatch.postman_environment.json": env(JWT, {
      CERTIFICATE: makeSelfSignedCertificate(otherKeys, { commonName: "another key" }),
    }),
    "expired-certificate.postman_environment.json": env(JWT, { CERTIFICATE: certificateEnding(keys, -35) }),
    "malformed-org-id.postman_environment.json": env({ ...JWT, IMS_ORG: "1234-AdobeOrg" }),
    "metascope-typo.postman_environment.json": env({ ...JWT, META_SCOPE: "ent_dataservice_sdk" }),
    "missing-technical-account.postman_environment.json": env({ ...JWT, TECHNICAL_ACCOUNT_ID: "" }),
    "1024-bit-key.postman_environment.json": env({ ...JWT, PRIVATE_KEY: rsaKeyPems(1024).pkcs8 }),
    "certificate-pasted-as-key.postman_environment.json": env({ ...JWT, PRIVATE_KEY: credential.certificatePem }),
    "expired-pasted-token.postman_environment.json": {
      name: "pasted token",
      values: [
        { key: "IMS", value: emulator.host, enabled: true },
        { key: "ACCESS_TOKEN", value: pastedToken(Date.now() - 30 * 3_600_000, 24 * 3_600_000), enabled: true },
      ],
    },
    "bad-ims-host.postman_environment.json": env({ ...S2S, IMS: "https://ims-na1.adobelogin.com/" }),
    "wrong-client-secret.postman_environment.json": env({ ...S2S, CLIENT_SECRET: "p8e-NOT-THE-SECRET" }),
    "placeholder-api-key.postman_environment.json": env({ ...S2S, API_KEY: "<your client id>" }),
    "aem-without-private-key.json": (() => {
      const aem = aemCredentialsFor(emulator);
      delete aem.wrapped.integration.privateKey;
      return aem.wrapped;
    })(),
    "aem-key-certificate-mismatch.json": (() => {
      const aem = aemCredentialsFor(emulator);
      aem.wrapped.integration.publicKey = makeSelfSignedCertificate(otherKeys, { commonName: "cm-p123-e1234" });
      return aem.wrapped;
    })(),
    "not-json.postman_environment.json": '{ "values": [ { "key": "IMS", ',
  };
  for (const [name, content] of Object.entries(write)) broken.write(name, content);

  good = workspace("doctor-good-");
  goodFiles = [
    good.write("jwt-with-certificate.postman_environment.json", env(JWT, { CERTIFICATE: credential.certificatePem })),
    good.write("s2s.postman_environment.json", env(S2S)),
    good.write("aem-service-credentials.json", aemCredentialsFor(emulator).wrapped),
    good.write(
      "s2s.env",
      `IMS=${emulator.host}\nAPI_KEY=${credential.integration.clientId}\nCLIENT_SECRET=${credential.integration.clientSecret}\nSCOPES=openid,AdobeID\n`,
    ),
  ];
});
afterAll(async () => {
  broken?.remove();
  good?.remove();
  await ctx.close();
});

/** stdout's rows by file name (the part after the last /), and its summary line. */
function report(result: CliResult): { rows: Map<string, string>; summary: string } {
  const lines = result.stdout.trimEnd().split("\n");
  const summary = lines.pop() ?? "";
  const rows = new Map(lines.map((line) => [/\S+\/(\S+)/.exec(line)?.[1] ?? line, line]));
  expect(rows.size).toBe(lines.length);
  return { rows, summary };
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(ctx.credential.integration.clientSecret);
  expect(text).not.toContain(ctx.credential.privateKeyPem.split("\n")[1]);
}

describe("doctor", () => {
  it("offline, on a directory of broken files: each row names its fault; the summary counts them; exit 1", async () => {
    const result = await runMain(["doctor", broken.dir]);
    expect(result.code).toBe(1);
    const { rows, summary } = report(result);
    expect([...rows.keys()].sort()).toEqual(Object.keys(FAULTS).sort());
    for (const [file, fault] of Object.entries(FAULTS)) {
      const row = rows.get(file) ?? "";
      if (fault.online) expect(row, file).toMatch(/^ok {6}/);
      else expect(row, file).toMatch(new RegExp(`^error {3}.*${fault.code.source}`));
    }
    expect(summary).toBe("14 files: 2 ok, 0 warnings, 12 errors");
    // Progress on stderr for this many files; nothing else there.
    expect(result.stderr).toMatch(/^checked 1\/14: .*\n(checked \d+\/14: .*\n){13}$/);
    expectNoSecrets(result.stdout + result.stderr);
  });

  it("--online: the faults only IMS can see are named too (a metascope typo, a wrong client secret)", async () => {
    ctx.emulator.reset();
    const result = await runMain(["doctor", broken.dir, "--online", "--ca", ctx.caFile]);
    expect(result.code).toBe(1);
    const { rows, summary } = report(result);
    for (const [file, fault] of Object.entries(FAULTS))
      expect(rows.get(file), file).toMatch(new RegExp(`^error {3}.*${fault.code.source}`));
    expect(summary).toBe("14 files: 0 ok, 0 warnings, 14 errors");
    // Only the files that passed the offline checks were exchanged.
    expect(ctx.emulator.calls.jwtExchange + ctx.emulator.calls.tokenV3).toBe(2);
    expectNoSecrets(result.stdout + result.stderr);
  });

  it("good files, offline and online: ok rows saying what was checked, exit 0", async () => {
    const offline = await runMain(["doctor", ...goodFiles]);
    expect(offline.code).toBe(0);
    const { rows, summary } = report(offline);
    expect(summary).toBe("4 files: 4 ok, 0 warnings, 0 errors");
    expect(rows.get("jwt-with-certificate.postman_environment.json")).toMatch(
      /^ok +\S+ +jwt +jwt flow; 2048-bit RSA key; key matches CERTIFICATE; certificate valid until \d{4}-/,
    );
    expect(rows.get("aem-service-credentials.json")).toMatch(/key matches integration\.publicKey/);
    expect(rows.get("s2s.env")).toMatch(/^ok +\S+ +s2s /);
    expect(offline.stderr).toBe("");

    ctx.emulator.reset();
    const online = await runMain(["doctor", good.dir, "--online", "--ca", ctx.caFile]);
    expect(online.code).toBe(0);
    expect(report(online).summary).toBe("4 files: 4 ok, 0 warnings, 0 errors");
    expect(online.stdout).toMatch(/IMS issued a token valid until/);
    expect(ctx.emulator.calls.jwtExchange + ctx.emulator.calls.tokenV3).toBe(4);
  });

  it("a certificate that expires within 30 days is a warning, not an error: exit 0", async () => {
    const file = good.write(
      "expiring.postman_environment.json",
      environmentFile(ctx.emulator, ctx.credential, JWT, { CERTIFICATE: certificateEnding(keyPairOf(ctx.credential), 12) }),
    );
    const result = await runMain(["doctor", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^warning .*WARN_CERTIFICATE_EXPIRES_SOON: the certificate in CERTIFICATE expires on \d{4}-\d\d-\d\d, in 1[12] days: make a new key pair/,
    );
    expect(result.stdout).toMatch(/\n1 file: 0 ok, 1 warning, 0 errors\n$/);
  });

  it("a Developer Console JWT credential (a client id not shaped cm-p…-e…) is a warning naming Adobe's migration guide: exit 0", async () => {
    const workshop = environmentFile(ctx.emulator, ctx.credential, { ...JWT, API_KEY: "0123456789abcdef0123456789abcdef" });
    const result = await runMain(["doctor", good.write("workshop.postman_environment.json", workshop)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^warning .* jwt +WARN_JWT_END_OF_LIFE: This is a Service Account \(JWT\) credential\. Adobe ended Developer Console Service Account \(JWT\) credentials \(end of life 2025-06-30; they stop working when their certificate expires or on 2026-03-01, whichever is first\): move this integration to an OAuth Server-to-Server credential \(Adobe's guide "Migrating from Service Account \(JWT\) credential to OAuth Server-to-Server credential"\)/,
    );
    expect(result.stdout).toMatch(/\n1 file: 0 ok, 1 warning, 0 errors\n$/);
    // The other JWT files here carry an AEM-shaped client id, and AEM's own file is AEM's: no such warning.
    const others = await runMain(["doctor", ...goodFiles]);
    expect(others.stdout).not.toContain("WARN_JWT_END_OF_LIFE");
  });

  it("a path that does not exist is an error row; no file at all is a usage error", async () => {
    const missing = await runMain(["doctor", "/nonexistent/student.postman_environment.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /^error +\/nonexistent\/student\.postman_environment\.json +- +ERR_INPUT_FILE: .*cannot be read \(ENOENT\)/,
    );
    const none = await runMain(["doctor"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/name at least one file or directory[\s\S]*usage: postman-ims-auth doctor/);
  });
});
