// Canary over the Postman CLI's outputs: every flow and some error paths, run with recognisable fake secrets, under
// its cli reporter, --verbose, and the json and junit reports, for the v2.1 JSON and the v3 folder (whose runs the
// CLI reports with its cli reporter alone: json and junit are "not supported for multi-protocol collections"). The
// cli output and junit report must be clean; --verbose and json hold the HTTP traffic by design (docs/ci.md, "Secrets in
// Postman CLI output"): the client secret and signed JWT of token requests, the access token of API requests.
// Anything outside those places is a leak of ours.

import { createPrivateKey, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeThrowawayCredential, type ThrowawayCredential } from "../../src/emulator/service/integration.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { v3CollectionValues, v3EnvironmentYaml, v3Yaml } from "../../src/generator/postman-v3/postman-v3-collection.js";
import type { V2Node } from "../../src/generator/postman-v3/v3-items.js";
import { emulatorEnvironment, writeCaFile } from "../../src/runner/emulator-environment.js";
import { search, withoutTraffic, type Found, type Secret } from "../helpers/canary.js";
import { tempDir } from "../helpers/cli.js";
import { apiCollection } from "../helpers/collections.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli } from "../helpers/postman-cli.js";

const tag = () => randomBytes(8).toString("hex").toUpperCase();
const CLIENT_SECRET = `p8e-CANARY-SECRET-${tag()}`;
const WRONG_SECRET = `p8e-CANARY-WRONG-${tag()}`;
const PASSPHRASE = `CANARY-passphrase-${tag()}`;
const WRONG_PASSPHRASE = `CANARY-wrong-passphrase-${tag()}`;
const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };

interface Scenario {
  readonly name: string;
  readonly api?: boolean;
  readonly overrides: () => Record<string, string>;
  readonly exit: 0 | 1;
  readonly shows: RegExp;
  readonly before?: () => void;
}

interface Outputs {
  readonly scenario: Scenario;
  readonly plain: string;
  readonly verbose: string;
  /** Empty for a v3 run: the CLI writes neither report. */
  readonly junit: string;
  readonly json: Record<string, unknown>;
}

/** The CLI's verbose output without the bodies of token requests (POST …/ims/…): its form and IMS's answer. */
function withoutTokenRequestBodies(stdout: string): string {
  const out: string[] = [];
  let tokenRequest = false;
  for (const line of stdout.split("\n")) {
    if (/^\s*(GET|POST|PUT|PATCH|DELETE) https?:\/\//.test(line)) tokenRequest = /^\s*POST https?:\/\/[^/\s]+\/ims\//.test(line);
    else if (/^\s*(Pass|Fail|\d+\.) |^(Sub-)?[Ff]older /.test(line)) tokenRequest = false;
    if (!(tokenRequest && /^\s*\| /.test(line))) out.push(line);
  }
  return out.join("\n");
}

/** The json report without what it records of the HTTP traffic by design: token requests' bodies and answers, the token API requests carry. */
function jsonToSearch(report: Record<string, unknown>, tokens: readonly string[]): string {
  const copy = JSON.parse(JSON.stringify(report)) as {
    run?: { executions?: Array<{ requestExecuted?: Record<string, unknown>; response?: Record<string, unknown> }> };
  };
  for (const execution of copy.run?.executions ?? []) {
    withoutTraffic(execution.requestExecuted ?? {}, execution.response, "headers", (value) => tokens.includes(value));
  }
  return JSON.stringify(copy);
}

describe.runIf(POSTMAN_CLI).each(["v2.1 JSON", "v3 folder"])("the Postman CLI's outputs carry no secret of ours: %s", (format) => {
  const v3 = format === "v3 folder";
  let emulator: ImsEmulator;
  let credential: ThrowawayCredential;
  let ca: { file: string; remove: () => void };
  let encryptedKey = "";
  let home = "";
  const work = tempDir("postman-cli-canary");
  const outputs: Outputs[] = [];
  /** Every token IMS issued in these runs. */
  const tokens: string[] = [];

  beforeAll(async () => {
    const throwaway = makeThrowawayCredential({
      metascopes: ["ent_dataservices_sdk", "ent_aem_cloud_sdk"],
      scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"],
    });
    credential = { ...throwaway, integration: { ...throwaway.integration, clientSecret: CLIENT_SECRET } };
    emulator = await ImsEmulator.start({ integrations: [credential.integration] });
    ca = writeCaFile(emulator);
    home = cleanHome();
    encryptedKey = createPrivateKey(credential.privateKeyPem)
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE })
      .toString();
  });
  afterAll(async () => {
    ca?.remove();
    await emulator?.close();
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  const SCENARIOS: Scenario[] = [
    { name: "the whole collection, OAuth S2S", overrides: () => S2S, exit: 0, shows: /Pass {2}Platform answered 200/ },
    {
      name: "the whole collection, JWT with an encrypted key",
      overrides: () => ({ SCOPES: "", PRIVATE_KEY: encryptedKey, PRIVATE_KEY_PASSPHRASE: PASSPHRASE }),
      exit: 0,
      shows: /POST https:\/\/\S+\/ims\/exchange\/jwt\s+(\[)?200 OK/,
    },
    {
      name: "automatic authentication (pm.sendRequest), OAuth S2S",
      api: true,
      overrides: () => S2S,
      exit: 0,
      shows: /Pass {2}Platform answered 200/,
    },
    { name: "a wrong client secret", overrides: () => ({ ...S2S, CLIENT_SECRET: WRONG_SECRET }), exit: 1, shows: /ERR_IMS_REJECTED/ },
    {
      name: "automatic authentication, a wrong passphrase",
      api: true,
      overrides: () => ({ SCOPES: "", PRIVATE_KEY: encryptedKey, PRIVATE_KEY_PASSPHRASE: WRONG_PASSPHRASE }),
      exit: 1,
      shows: /ERR_PRIVATE_KEY_PASSPHRASE/,
    },
    {
      name: "automatic authentication, IMS quoting the client secret back",
      api: true,
      overrides: () => S2S,
      before: () =>
        emulator.injectFaults("/ims/token/v3", [
          { status: 400, error: "invalid_client", description: `client_secret ${CLIENT_SECRET} is not valid` },
        ]),
      exit: 1,
      shows: /\[redacted\]/,
    },
  ];

  async function runScenario(scenario: Scenario, index: number): Promise<Outputs> {
    const base = work.path(String(index));
    const collection = scenario.api ? apiCollection(2) : buildCollection();
    const environment = emulatorEnvironment(emulator, credential, scenario.overrides());
    if (v3) {
      for (const [path, value] of v3CollectionValues(collection as V2Node)) {
        mkdirSync(dirname(`${base}-collection/${path}`), { recursive: true });
        writeFileSync(`${base}-collection/${path}`, v3Yaml(value));
      }
      writeFileSync(`${base}-environment.yaml`, v3EnvironmentYaml(environment));
    } else {
      writeFileSync(`${base}-collection.json`, JSON.stringify(collection));
      writeFileSync(`${base}-environment.json`, JSON.stringify(environment));
    }
    const args = (more: string[]) => [
      "collection",
      "run",
      v3 ? `${base}-collection` : `${base}-collection.json`,
      "-e",
      v3 ? `${base}-environment.yaml` : `${base}-environment.json`,
      ...(scenario.api ? ["-i", "Platform"] : []),
      "--ssl-extra-ca-certs",
      ca.file,
      ...more,
    ];
    emulator.reset();
    scenario.before?.();
    const plain = await runPostmanCli(args(v3 ? [] : ["-r", "cli,junit", "--reporter-junit-export", `${base}.xml`]), work.dir, home);
    tokens.push(...emulator.issuedTokens);
    emulator.reset();
    scenario.before?.();
    const verbose = await runPostmanCli(
      args(v3 ? ["--verbose"] : ["--verbose", "-r", "cli,json", "--reporter-json-export", `${base}.json`]),
      work.dir,
      home,
    );
    tokens.push(...emulator.issuedTokens);
    for (const [what, result] of [
      ["cli", plain],
      ["--verbose", verbose],
    ] as const) {
      expect(result.code, `${scenario.name} (${what})\n${result.stdout}`).toBe(scenario.exit);
      expect(result.stdout, `${scenario.name} (${what})`).toMatch(scenario.shows);
    }
    return {
      scenario,
      plain: plain.stdout + plain.stderr,
      verbose: verbose.stdout + verbose.stderr,
      junit: v3 ? "" : readFileSync(`${base}.xml`, "utf8"),
      json: v3 ? {} : (JSON.parse(readFileSync(`${base}.json`, "utf8")) as Record<string, unknown>),
    };
  }

  /** Every secret of every run: the client secrets, passphrases, the key in both forms, and every token IMS issued. */
  function secrets(tokens: readonly string[]): Secret[] {
    const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, "");
    return [
      { name: "client secret", value: CLIENT_SECRET },
      { name: "wrong client secret", value: WRONG_SECRET },
      { name: "passphrase", value: PASSPHRASE },
      { name: "wrong passphrase", value: WRONG_PASSPHRASE },
      { name: "private key", value: body(credential.privateKeyPem) },
      { name: "encrypted private key", value: body(encryptedKey) },
      ...tokens.map((token, i) => ({ name: `access token ${i}`, value: token })),
    ];
  }

  // One run after the other: some change the emulator (faults). Each runs the CLI twice.
  beforeAll(async () => {
    for (const [index, scenario] of SCENARIOS.entries()) {
      outputs.push(await runScenario(scenario, index));
    }
  }, 900_000);

  it(`${SCENARIOS.length} scenarios, each under cli + junit and under --verbose + json`, () => {
    expect(outputs).toHaveLength(SCENARIOS.length);
    // The three green scenarios, twice each: the tokens searched for are really there.
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    const all = secrets(tokens);
    const leaks: Found[] = [];
    for (const output of outputs) {
      const where = output.scenario.name;
      leaks.push(...search(output.plain, `${where}: cli output`, all));
      leaks.push(...search(output.junit, `${where}: junit`, all));
      leaks.push(...search(withoutTokenRequestBodies(output.verbose), `${where}: --verbose, token request bodies left out`, all));
      leaks.push(...search(jsonToSearch(output.json, tokens), `${where}: json, the HTTP traffic left out`, all));
    }
    expect(leaks).toEqual([]);
  });

  it("what the table of docs/ci.md says the Postman CLI itself writes: --verbose and json hold the client secret and the token", () => {
    const green = outputs.find((output) => output.scenario.name === "the whole collection, OAuth S2S");
    expect(green).toBeDefined();
    const secret = [{ name: "client secret", value: CLIENT_SECRET }];
    expect(search(green!.verbose, "verbose", secret)).not.toEqual([]);
    if (!v3) {
      expect(search(JSON.stringify(green!.json), "json", secret)).not.toEqual([]);
      expect(JSON.stringify(green!.json)).toMatch(/"auth":\{"type":"bearer","bearer":\[\{"type":"string","value":"eyJ/);
    }
    expect(search(green!.plain + green!.junit, "cli and junit", secret)).toEqual([]);
  });
});
