// The v3 format against the Postman CLI's own tools: `postman collection lint` accepts what generate and inject write
// and refuses what our structural check refuses; `postman collection migrate` of our v2.1 JSON writes our v3 folder;
// a folder it migrated from an Adobe-style Platform collection, injected, runs with one IMS call, renews a token revoked
// mid-run once (the collection's 401 watcher, an http:afterResponse script), and verifies.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { POSTMAN_CLI_VERSION } from "../../scripts/postman-cli.mjs";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { postmanV3Files, v3EnvironmentYaml } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { injectV3Folder } from "../../src/inject/postman-v3/inject-v3-folder.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { verifyFile } from "../../src/verify/verify-files.js";
import { adobeStyleCollection } from "../helpers/adobe-style-collection.js";
import { tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI, runPostmanCli } from "../helpers/postman-cli.js";
import { readTree, writeTree } from "../helpers/realistic-bruno-collection.js";
import { ACME_V3 } from "../helpers/realistic-v3-collection.js";
import { BROKEN_V3_FILES, brokenPath } from "../helpers/v3-broken-files.js";

const COLLECTION = "postman/collections/adobe-ims";

interface Lint {
  readonly diagnostics: { ruleId: string; severity: string; filePath: string; message: string }[];
  readonly errorCount: number;
}

describe.runIf(POSTMAN_CLI)(`the v3 format and the Postman CLI ${POSTMAN_CLI_VERSION}'s own tools`, { timeout: 180_000 }, () => {
  const work = tempDir("postman-cli-v3");
  let home = "";
  beforeAll(() => {
    home = cleanHome();
    for (const [path, text] of postmanV3Files()) {
      mkdirSync(dirname(work.path("generated", path)), { recursive: true });
      writeFileSync(work.path("generated", path), text);
    }
  });
  afterAll(() => {
    work.remove();
    rmSync(home, { recursive: true, force: true });
  });

  async function lint(what: "collection" | "environment", path: string): Promise<Lint & { code: number }> {
    const result = await runPostmanCli([what, "lint", path, what === "collection" ? "-r" : "-o", "json"], work.dir, home);
    return { code: result.code, ...(JSON.parse(result.stdout) as Lint) };
  }

  it("collection lint and environment lint accept the folder and environments generate writes", async () => {
    const collection = await lint("collection", work.path("generated", COLLECTION));
    expect([collection.code, collection.diagnostics]).toEqual([0, []]);
    const environments = await lint("environment", work.path("generated", "postman/environments"));
    expect([environments.code, environments.diagnostics]).toEqual([0, []]);
  });

  it("collection lint accepts a team's collection, and the same collection injected", async () => {
    writeTree(work.path("acme"), ACME_V3);
    const before = await lint("collection", work.path("acme"));
    expect([before.code, before.diagnostics]).toEqual([0, []]);
    injectV3Folder({ dir: work.path("acme"), inPlace: true });
    const after = await lint("collection", work.path("acme"));
    expect([after.code, after.diagnostics]).toEqual([0, []]);
  });

  it("collection lint refuses each file our structural check refuses (test/helpers/v3-broken-files.ts)", async () => {
    const broken = work.path("broken");
    const roots: string[] = [];
    BROKEN_V3_FILES.forEach((file, index) => {
      const root = file.kind === "collection" ? join(broken, `collection-${index}`) : join(broken, "files");
      if (!roots.includes(root)) roots.push(root);
      writeTree(root, { ".resources/definition.yaml": "$kind: collection\n" });
      writeTree(root, { [brokenPath(file, index)]: file.text });
    });
    const refused = new Set<string>();
    for (const root of roots) {
      const result = await lint("collection", root);
      expect(result.code).toBe(1);
      for (const diagnostic of result.diagnostics) if (diagnostic.severity === "error") refused.add(relative(broken, diagnostic.filePath));
    }
    const expected = BROKEN_V3_FILES.map((file, index) =>
      join(file.kind === "collection" ? `collection-${index}` : "files", brokenPath(file, index)),
    );
    expect([...refused].sort()).toEqual(expected.sort());
  });

  it("collection migrate of our v2.1 JSON writes our v3 folder, byte for byte, but for the two things it drops or draws", async () => {
    writeFileSync(work.path("adobe-ims.postman_collection.json"), JSON.stringify(buildCollection()));
    const result = await runPostmanCli(["collection", "migrate", "adobe-ims.postman_collection.json", "-o", "migrated"], work.dir, home);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const migrated = readTree(work.path("migrated"));
    const ours = readTree(work.path("generated", COLLECTION));
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(ours).sort());
    for (const [path, text] of Object.entries(ours)) {
      if (path === ".resources/definition.yaml") continue;
      expect(migrated[path], path).toBe(text);
    }
    // migrate writes the collection's variables as a map (their descriptions lost) and draws a random id for its auth.
    const { variables, auth, ...root } = parse(ours[".resources/definition.yaml"]!) as Record<string, unknown>;
    const theirs = parse(migrated[".resources/definition.yaml"]!) as Record<string, unknown>;
    expect(theirs).toEqual({
      ...root,
      variables: Object.fromEntries((variables as { key: string; value: string }[]).map(({ key, value }) => [key, value])),
      auth: (auth as Record<string, unknown>[]).map((entry) => ({ ...entry, id: expect.stringMatching(/^[0-9a-f-]{36}$/) })),
    });
  });

  describe("a folder migrated from an Adobe-style Platform collection, injected", () => {
    const shared = useEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
    let folder = "";
    let environment = "";
    beforeAll(async () => {
      writeFileSync(work.path("adobe-style.json"), JSON.stringify(adobeStyleCollection(3)));
      const migrated = await runPostmanCli(["collection", "migrate", "adobe-style.json", "-o", "adobe-style"], work.dir, home);
      expect(migrated.code, migrated.stdout).toBe(0);
      folder = work.path("adobe-style");
      const result = injectV3Folder({ dir: folder, inPlace: true, flows: ["oauth-s2s"] });
      expect([result.watched, result.warnings]).toEqual([4, []]);
      environment = work.path("adobe-style.environment.yaml");
      writeFileSync(
        environment,
        v3EnvironmentYaml(emulatorEnvironment(shared.ctx.emulator, shared.ctx.credential, { PRIVATE_KEY: "", META_SCOPE: "" })),
      );
    }, 180_000);

    const run = (extra: string[]) =>
      runPostmanCli(["collection", "run", folder, "-e", environment, "--ssl-extra-ca-certs", shared.ctx.caFile, ...extra], work.dir, home);

    it("its API requests run green with one IMS call: the first renews the token, the others find it fresh", async () => {
      const result = await run(["-i", "Platform/Sandboxes 1", "-i", "Platform/Sandboxes 2", "-i", "Platform/Sandboxes 3"]);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout.match(/Pass {2}status 200/g)).toHaveLength(3);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 3 });
    });

    it("whole: our Authenticate request and theirs each ask once, the API requests never", async () => {
      const result = await run([]);
      expect(result.code, result.stdout).toBe(0);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 2, jwtExchange: 0, api: 3 });
    });

    it("a token revoked after the first API call: the collection's watcher sees the 401, the next request renews it once", async () => {
      shared.ctx.emulator.revokeTokensAfterApiCalls(1);
      const result = await run(["-i", "Platform/Sandboxes 1", "-i", "Platform/Sandboxes 2", "-i", "Platform/Sandboxes 3"]);
      expect(result.stdout).toContain("ACCESS_TOKEN will be renewed before the next request");
      expect(result.stdout.match(/Pass {2}status 200/g)).toHaveLength(2);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 2, jwtExchange: 0, api: 3 });
    });

    it("verify reads it: every script of ours byte for byte", () => {
      const report = verifyFile(folder);
      expect(report.ok, report.text).toBe(true);
      // auto-auth and the 401 watcher (the collection's), s2s-exchange and token-response (our Authenticate request).
      expect(report.verdicts.filter((verdict) => verdict.status === "matches").map((verdict) => verdict.name)).toEqual([
        "auto-auth",
        "401-watcher",
        "s2s-exchange",
        "token-response",
      ]);
      expect(readdirSync(folder).sort()).toEqual([".resources", "Authenticate", "Platform"]);
      expect(readFileSync(join(folder, "Authenticate", ".resources", "definition.yaml"), "utf8")).toContain(
        "Added by postman-ims-auth inject",
      );
    });
  });
});
