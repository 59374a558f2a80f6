// The committed collection run whole (no --folder), as Postman's Run collection and the README's newman line run it,
// with an environment that holds one kind of credential: green, one IMS call, the other requests skipped with a note.

import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aemEnvironment } from "../../src/generator/environment/aem-environment.js";
import { readAemCredentials } from "../../src/inputs/aem-credentials.js";
import { buildEnvironment, templateByName, type EnvironmentFile } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems, type RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { makeAemCredentials, registerAemCredentials } from "../helpers/aem-credentials.js";
import { tempDir } from "../helpers/cli.js";
import { s2sOnlyEnvironment, startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";

const COLLECTION_PATH = join(packageRoot(), "collections", "adobe-ims.postman_collection.json");
const collection = JSON.parse(readFileSync(COLLECTION_PATH, "utf8")) as unknown;
const S2S_REQUEST = "IMS: OAuth Server-to-Server Token";
const JWT_REQUEST = "IMS: JWT Generate + Auth via User Token";
const PLATFORM = ["Platform: List sandboxes"];
const AEM = ["AEM: GET /content/dam.json", "AEM: GET current user"];

let ctx: EmulatorContext;
const aem = makeAemCredentials();
let pastedToken = "";
beforeAll(async () => {
  // The emulator's AEM answers tokens that carry ent_aem_cloud_sdk: this credential's do, in both flows.
  ctx = await startEmulator({
    metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
    scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"],
  });
  registerAemCredentials(ctx.emulator, aem);
  // A token IMS issued, as a developer copies it (AEM: Get Local Development Token).
  const first = await runCollection({ collection, environment: aemOnly(), caFile: ctx.caFile });
  pastedToken = first.environment.ACCESS_TOKEN ?? "";
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

/** The OAuth Server-to-Server template filled in as a user fills it: the credential, IMS pointed at the emulator. */
function s2sOnly(extra: Record<string, string> = {}): EnvironmentFile {
  return s2sOnlyEnvironment(ctx.emulator, ctx.credential.integration, extra);
}

/** The workshop template (seed 000) with a service account credential only: no SCOPES. */
function jwtOnly(extra: Record<string, string> = {}): EnvironmentFile {
  const { integration } = ctx.credential;
  return buildEnvironment(templateByName("workshop"), {
    IMS: ctx.emulator.host,
    API_KEY: integration.clientId,
    CLIENT_SECRET: integration.clientSecret,
    META_SCOPE: integration.metascopes.join(","),
    PRIVATE_KEY: ctx.credential.privateKeyPem,
    TECHNICAL_ACCOUNT_ID: integration.technicalAccountId,
    IMS_ORG: integration.orgId,
    SANDBOX_NAME: "prod",
    PLATFORM_HOST: ctx.emulator.host,
    ...extra,
  });
}

/** `env --aem-credentials`: the service credentials JSON imported, AEM_HOST given. */
function aemOnly(): EnvironmentFile {
  const text = JSON.stringify({ ...aem.wrapped, integration: { ...aem.wrapped.integration, imsEndpoint: ctx.emulator.host } });
  return aemEnvironment(readAemCredentials(text, "aem-service-credentials.json"), { aemHost: ctx.emulator.host }) as EnvironmentFile;
}

/** The AEM template with nothing but a pasted token and the host. */
function tokenOnly(): EnvironmentFile {
  return buildEnvironment(templateByName("aem"), { IMS: ctx.emulator.host, AEM_HOST: ctx.emulator.host, ACCESS_TOKEN: pastedToken });
}

interface Kind {
  readonly environment: () => EnvironmentFile;
  /** The requests that reach a server, in run order. */
  readonly sent: readonly string[];
  readonly imsCalls: { readonly tokenV3: number; readonly jwtExchange: number };
}

const KINDS: Record<string, Kind> = {
  "OAuth Server-to-Server only": { environment: () => s2sOnly(), sent: [S2S_REQUEST], imsCalls: { tokenV3: 1, jwtExchange: 0 } },
  "JWT only (workshop)": { environment: () => jwtOnly(), sent: [JWT_REQUEST, ...PLATFORM], imsCalls: { tokenV3: 0, jwtExchange: 1 } },
  "AEM service credentials only": { environment: aemOnly, sent: [JWT_REQUEST, ...AEM], imsCalls: { tokenV3: 0, jwtExchange: 1 } },
  "a pasted token only": { environment: tokenOnly, sent: AEM, imsCalls: { tokenV3: 0, jwtExchange: 0 } },
  "OAuth Server-to-Server and AEM_HOST": {
    environment: () => s2sOnly({ AEM_HOST: ctx.emulator.host }),
    sent: [S2S_REQUEST, ...AEM],
    imsCalls: { tokenV3: 1, jwtExchange: 0 },
  },
  "both credentials": {
    environment: () => jwtOnly({ SCOPES: (ctx.credential.integration.scopes ?? []).join(","), AEM_HOST: ctx.emulator.host }),
    sent: [JWT_REQUEST, ...PLATFORM, ...AEM],
    imsCalls: { tokenV3: 0, jwtExchange: 1 },
  },
};

const ALL = [S2S_REQUEST, JWT_REQUEST, ...PLATFORM, ...AEM];
const notes = (result: RunResult) =>
  result.console.flatMap((entry) => entry.messages.map(String)).filter((text) => text.startsWith("postman-ims-auth: skipped"));
/** The items whose own test scripts ran: a skipped request runs none. */
const tested = (result: RunResult) => [...new Set(result.assertions.map((assertion) => assertion.item))];

function expectKind(result: RunResult, kind: Kind): void {
  expect(result.failures).toEqual([]);
  expect(consoleProblems(result.console)).toEqual([]);
  expect(tested(result)).toEqual(kind.sent);
  expect(result.assertions.every((assertion) => assertion.passed)).toBe(true);
  // Every request not sent says why, once, by name.
  const skipped = ALL.filter((name) => !kind.sent.includes(name));
  expect(notes(result).map((note) => /skipped "([^"]+)"/.exec(note)?.[1])).toEqual(skipped);
  expect({ tokenV3: ctx.emulator.calls.tokenV3, jwtExchange: ctx.emulator.calls.jwtExchange }).toEqual(kind.imsCalls);
  expect(ctx.emulator.calls.api).toBe(kind.sent.filter((name) => !name.startsWith("IMS:")).length);
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s runs the whole collection", (_name, runner) => {
  it.each(Object.entries(KINDS))("%s: green, one IMS call at most, the rest skipped with a note", async (_kind, kind) => {
    expectKind(await runner({ collection, environment: kind.environment(), caFile: ctx.caFile }), kind);
  });

  it("a sample folder switched on with a variable it sends missing fails named, and is not sent", async () => {
    const result = await runner({
      collection,
      environment: s2sOnly({ SANDBOX_NAME: "prod", PLATFORM_HOST: ctx.emulator.host, IMS_ORG: "" }),
      caFile: ctx.caFile,
    });
    expect(result.failures.map((failure) => [failure.item, failure.test, failure.message.split(":")[0]])).toEqual([
      [PLATFORM[0], "IMS_ORG is set correctly", "ERR_MISSING_VARIABLE"],
    ]);
    expect(ctx.emulator.calls.api).toBe(0);
  });

  it("a malformed one names the fix: AEM_HOST with https://", async () => {
    const result = await runner({ collection, environment: s2sOnly({ AEM_HOST: `https://${ctx.emulator.host}/` }), caFile: ctx.caFile });
    const failures = result.failures.map((failure) => [failure.item, failure.test]);
    expect(failures).toEqual(AEM.map((item) => [item, "AEM_HOST is set correctly"]));
    expect(result.failures[0]?.message).toContain(
      `ERR_INVALID_VARIABLE: AEM_HOST is "https://${ctx.emulator.host}/" but must be a bare host name`,
    );
    expect(result.failures[0]?.message).toContain(`set AEM_HOST to "${ctx.emulator.host}"`);
    expect(ctx.emulator.calls.api).toBe(0);
  });

  it("AUTH_FLOW decides: both credentials with AUTH_FLOW=oauth-s2s send the Server-to-Server request, not the JWT one", async () => {
    const result = await runner({
      collection,
      environment: jwtOnly({ SCOPES: (ctx.credential.integration.scopes ?? []).join(","), AUTH_FLOW: "oauth-s2s" }),
      caFile: ctx.caFile,
    });
    expect(result.failures).toEqual([]);
    expect(tested(result)).toEqual([S2S_REQUEST, ...PLATFORM]);
    expect(notes(result)[0]).toBe(
      `postman-ims-auth: skipped "${JWT_REQUEST}": AUTH_FLOW is oauth-s2s. To use this request, set AUTH_FLOW to jwt.`,
    );
    expect([ctx.emulator.calls.tokenV3, ctx.emulator.calls.jwtExchange]).toEqual([1, 0]);
  });

  it("no credential at all: both Authenticate requests fail named, nothing is sent", async () => {
    const result = await runner({
      collection,
      environment: buildEnvironment(templateByName("oauth-s2s"), { IMS: ctx.emulator.host }),
      caFile: ctx.caFile,
    });
    const tests = new Set(result.failures.map((failure) => `${failure.item} | ${failure.test}`));
    for (const name of ["API_KEY", "CLIENT_SECRET", "SCOPES"]) expect(tests).toContain(`${S2S_REQUEST} | ${name} is set correctly`);
    for (const name of ["PRIVATE_KEY", "META_SCOPE", "TECHNICAL_ACCOUNT_ID"])
      expect(tests).toContain(`${JWT_REQUEST} | ${name} is set correctly`);
    expect(ctx.emulator.calls.tokenV3 + ctx.emulator.calls.jwtExchange + ctx.emulator.calls.api).toBe(0);
  });
});

describe("the README's line, `newman run collections/adobe-ims.postman_collection.json -e <env>`, with Newman's own CLI", () => {
  const temp = tempDir("whole-collection");
  afterAll(() => temp.remove());
  const newman = join(packageRoot(), "node_modules", "newman", "bin", "newman.js");

  /** The console lines of a run: Newman's CLI boxes them and wraps them at its width. */
  const printed = (stdout: string) =>
    [...stdout.matchAll(/┌\n((?:\s*│.*\n)+)\s*└/g)].map((match) =>
      match[1]!
        .split("\n")
        .map((line) => line.replace(/^\s*│ ?/, ""))
        .join(""),
    );

  function newmanCli(environment: EnvironmentFile): Promise<{ code: number; stdout: string }> {
    const file = temp.path(`${environment.name.replace(/\W+/g, "-")}.postman_environment.json`);
    writeFileSync(file, JSON.stringify(environment));
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [newman, "run", "collections/adobe-ims.postman_collection.json", "-e", file, "--ssl-extra-ca-certs", ctx.caFile],
        { cwd: packageRoot(), timeout: 120_000 },
        (error, stdout) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout }),
      );
    });
  }

  it.each(Object.entries(KINDS))("%s: exit 0, one IMS call at most, the notes printed", async (_kind, kind) => {
    const result = await newmanCli(kind.environment());
    expect(result.code, result.stdout).toBe(0);
    expect({ tokenV3: ctx.emulator.calls.tokenV3, jwtExchange: ctx.emulator.calls.jwtExchange }).toEqual(kind.imsCalls);
    expect(result.stdout).not.toContain("{{");
    const skipped = ALL.filter((request) => !kind.sent.includes(request));
    expect(printed(result.stdout).map((line) => /^'postman-ims-auth: skipped "([^"]+)"/.exec(line)?.[1])).toEqual(skipped);
  });
});
