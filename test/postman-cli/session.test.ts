// The Postman CLI with requests a user added to the collection (no scripts of their own): IMS's profile API as the
// first request gets a token, a token revoked mid-run is renewed once after its 401, a refusal is asked of IMS once
// per run. Opt-in, like the other Postman CLI tests.

import { rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli } from "../helpers/postman-cli.js";

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };

describe.runIf(POSTMAN_CLI)("the Postman CLI, requests a user added", () => {
  const shared = useEmulator({ scopes: ["openid", "AdobeID"] });
  const work = tempDir("postman-cli-session");
  let home = "";
  beforeAll(() => {
    home = cleanHome();
    const collection = buildCollection();
    const header = [
      { key: "x-api-key", value: "{{API_KEY}}" },
      { key: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
    ];
    const sandboxes = (name: string) => ({
      name,
      request: { method: "GET", header, url: "https://{{PLATFORM_HOST}}/data/foundation/sandbox-management/sandboxes" },
    });
    const mine = {
      name: "Mine",
      item: [
        { name: "Profile", request: { method: "GET", url: "https://{{IMS}}/ims/profile/v1" } },
        sandboxes("Sandboxes 1"),
        sandboxes("Sandboxes 2"),
      ],
    };
    writeFileSync(work.path("collection.json"), JSON.stringify({ ...collection, item: [...(collection.item as unknown[]), mine] }));
  });
  afterAll(() => {
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  function run(overrides: Record<string, string>) {
    const file = work.path(`environment-${Object.keys(overrides).length}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(emulatorEnvironment(shared.ctx.emulator, shared.ctx.credential, { ...S2S, ...overrides })));
    const args = ["collection", "run", "collection.json", "-e", file, "-i", "Mine", "--ssl-extra-ca-certs", shared.ctx.caFile];
    return runPostmanCli(args, work.dir, home);
  }

  it("IMS's profile API first gets a token; a token revoked after it: one 401, renewed once, 200", async () => {
    shared.ctx.emulator.revokeTokensAfterApiCalls(1);
    const result = await run({});
    expect(result.stdout).toContain("ACCESS_TOKEN will be renewed before the next request");
    expect(result.stdout).toMatch(/GET https:\/\/\S+\/ims\/profile\/v1 \[200 OK/);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 2, jwtExchange: 0, api: 3 });
  });

  it("a wrong secret: IMS asked once for the whole run, the later requests repeat its answer", async () => {
    const result = await run({ CLIENT_SECRET: "p8e-WRONG-not-the-secret-0123456789" });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain("Not asked again: IMS refused the same values earlier in this run");
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 0 });
  });
});
