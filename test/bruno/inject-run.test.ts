// A user's Bruno collection after `inject --target bruno`, run by Bruno's CLI 4.1.0 against the emulator in both of its
// script runtimes: the team's own scripts still run, their requests get a token with one IMS call, a 401-free run is green.
// Opt-in like test/postman-cli/: only with BRUNO_TESTS=1 and the CLI in its cache folder (`npm run test:bruno`).

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRUNO_CLI, brunoHome, runBru } from "../helpers/bruno-cli.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { writeTree } from "../helpers/realistic-bruno-collection.js";

const LIST = "https://{{PLATFORM_HOST}}/data/foundation/sandbox-management/sandboxes";
const request = (name: string, seq: number) => `info:
  name: ${name}
  type: http
  seq: ${seq}

# the team's call to the Platform API
http:
  method: GET
  url: ${LIST}
  headers:
    - name: x-api-key
      value: "{{API_KEY}}"
    - name: x-gw-ims-org-id
      value: "{{IMS_ORG}}"
    - name: x-sandbox-name
      value: prod
  auth: inherit

runtime:
  scripts:
    - type: tests
      code: |-
        test("${name}: the team's pre-request code ran", function () {
          expect(bru.getVar("teamScriptRan")).to.equal("yes");
        });
        test("${name}: answered 200", function () {
          expect(res.getStatus()).to.equal(200);
        });
`;

/** Block YAML as the Bruno app writes it, with comments, its own (basic) auth and before-request script. */
const TEAM = {
  "opencollection.yml": `opencollection: 1.0.0

# the team's collection
info:
  name: Team API

request:
  auth:
    type: basic
    username: team
    password: not-a-secret
  scripts:
    - type: before-request
      code: |-
        // the team's own pre-request code
        bru.setVar("teamScriptRan", "yes");

bundled: false
`,
  "Sandboxes/folder.yml": "info:\n  name: Sandboxes\n  seq: 2\n",
  "Sandboxes/List one.yml": request("List one", 1),
  "Sandboxes/List two.yml": request("List two", 2),
  "Sandboxes/List three.yml": request("List three", 3),
};

const bruRequest = (name: string, seq: number) => `meta {
  name: ${name}
  type: http
  seq: ${seq}
}

get {
  url: ${LIST}
  body: none
  auth: inherit
}

headers {
  x-api-key: {{API_KEY}}
  x-gw-ims-org-id: {{IMS_ORG}}
  x-sandbox-name: prod
}

tests {
  test("${name}: the team's pre-request code ran", function () {
    expect(bru.getVar("teamScriptRan")).to.equal("yes");
  });
  test("${name}: answered 200", function () {
    expect(res.getStatus()).to.equal(200);
  });
}
`;

/** The same collection in the older .bru format, as Bruno's jsonToBru writes it. */
const TEAM_BRU = {
  "bruno.json": '{\n  "version": "1",\n  "name": "Team API",\n  "type": "collection"\n}\n',
  "collection.bru": `auth {
  mode: basic
}

auth:basic {
  username: team
  password: not-a-secret
}

script:pre-request {
  // the team's own pre-request code
  bru.setVar("teamScriptRan", "yes");
}
`,
  "Sandboxes/folder.bru": "meta {\n  name: Sandboxes\n  seq: 2\n}\n",
  "Sandboxes/List one.bru": bruRequest("List one", 1),
  "Sandboxes/List two.bru": bruRequest("List two", 2),
  "Sandboxes/List three.bru": bruRequest("List three", 3),
};

describe.runIf(BRUNO_CLI)("an injected Bruno collection, run by Bruno's CLI 4.1.0", () => {
  const shared = useEmulator();
  const work = tempDir("bruno-inject-run");
  let home = "";
  beforeAll(() => {
    home = brunoHome();
  });
  afterAll(() => {
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  async function injected(name: string, files: Readonly<Record<string, string>> = TEAM): Promise<string> {
    const dir = work.path(name);
    const { emulator, credential } = shared.ctx;
    const { integration } = credential;
    const values = {
      IMS: emulator.host,
      API_KEY: integration.clientId,
      CLIENT_SECRET: integration.clientSecret,
      SCOPES: integration.scopes!.join(","),
      IMS_ORG: integration.orgId,
      PLATFORM_HOST: emulator.host,
    };
    const bru = "bruno.json" in files;
    const environment = bru
      ? `vars {\n${Object.entries(values)
          .map(([key, value]) => `  ${key}: ${value}\n`)
          .join("")}}\n`
      : `name: ci\nvariables:\n${Object.entries(values)
          .map(([key, value]) => `  - name: ${key}\n    value: "${value}"\n`)
          .join("")}`;
    writeTree(dir, { ...files, [`environments/ci.${bru ? "bru" : "yml"}`]: environment });
    writeFileSync(work.path("ca.pem"), emulator.caCertificatePem);
    const result = await runCli(["inject", "--target", "bruno", dir, "--in-place", "--flows", "oauth-s2s"]);
    expect(result.code, result.stderr).toBe(0);
    return dir;
  }

  const CASES = [
    ["OpenCollection YAML", "safe", TEAM],
    ["OpenCollection YAML", "developer", TEAM],
    [".bru", "safe", TEAM_BRU],
    [".bru", "developer", TEAM_BRU],
  ] as const;

  it.each(CASES)(
    "%s, --sandbox %s: the team's folder is green with one IMS call for its three requests",
    async (format, sandbox, files) => {
      const dir = await injected(`team-${format === ".bru" ? "bru" : "yml"}-${sandbox}`, files);
      shared.ctx.emulator.reset();
      const result = await runBru(dir, ["Sandboxes", "--env", "ci", "--sandbox", sandbox, "--cacert", work.path("ca.pem")], home);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      for (const name of ["List one", "List two", "List three"]) {
        expect(result.stdout).toContain(`✓ ${name}: the team's pre-request code ran`);
        expect(result.stdout).toContain(`✓ ${name}: answered 200`);
      }
      expect(shared.ctx.emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 3 });
      expect(result.stdout + result.stderr).not.toContain(shared.ctx.credential.integration.clientSecret);
    },
  );

  it.each([
    ["OpenCollection YAML", TEAM],
    [".bru", TEAM_BRU],
  ] as const)("%s: the whole collection, its Authenticate folder in that format included, is green", async (format, files) => {
    const dir = await injected(`team-${format === ".bru" ? "bru" : "yml"}-whole`, files);
    const result = await runBru(dir, ["--env", "ci", "--cacert", work.path("ca.pem")], home);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("✓ IMS issued an access token");
    expect(result.stdout).toContain("✓ List three: answered 200");
  });

  it("a wrong secret stops the run with our message and a non-zero exit", async () => {
    const dir = await injected("team-wrong");
    const env = join(dir, "environments", "ci.yml");
    const { clientSecret } = shared.ctx.credential.integration;
    writeFileSync(env, readFileSync(env, "utf8").replace(clientSecret, "p8e-WRONG-not-the-secret"));
    const result = await runBru(dir, ["Sandboxes", "--env", "ci", "--cacert", work.path("ca.pem")], home);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("ERR_IMS_REJECTED");
  });
});
