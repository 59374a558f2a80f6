// What the Bruno app does with the generated files: it reads them with @usebruno/filestore (the package bru itself
// uses) and, when you save, writes them back as block YAML. Both are done here with the CLI's own copy of that
// package; the rewritten collection must still run green, with one IMS call.

import { createRequire } from "node:module";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brunoCliDir } from "../../scripts/bruno-cli.mjs";
import { packageRoot } from "../../src/files/paths.js";
import { BRUNO_CLI, brunoHome, requestsSummary, runBru } from "../helpers/bruno-cli.js";
import { tempDir } from "../helpers/cli.js";
import { useEmulator } from "../helpers/emulator.js";

interface Filestore {
  parseRequest(
    text: string,
    options: { format: "yml" },
  ): { name: string; request: { script: { req?: string; res?: string }; tests?: string } };
  stringifyRequest(request: unknown, options: { format: "yml" }): string;
  parseFolder(text: string, options: { format: "yml" }): unknown;
  stringifyFolder(folder: unknown, options: { format: "yml" }): string;
  parseEnvironment(text: string, options: { format: "yml" }): { variables: { name: string; secret: boolean; value: string }[] };
  stringifyEnvironment(environment: unknown, options: { format: "yml" }): string;
  parseCollection(text: string, options: { format: "yml" }): { collectionRoot: unknown; brunoConfig: unknown };
  stringifyCollection(root: unknown, config: unknown, options: { format: "yml" }): string;
}

const YML = { format: "yml" } as const;

describe.runIf(BRUNO_CLI)("the generated collection as the Bruno app reads and saves it", () => {
  const shared = useEmulator({ scopes: ["openid", "AdobeID", "read_organizations"] });
  const work = tempDir("bruno-app");
  let home = "";
  let filestore: Filestore;
  beforeAll(() => {
    home = brunoHome();
    filestore = createRequire(join(brunoCliDir(), "package.json"))("@usebruno/filestore") as Filestore;
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    work.remove();
  });

  const source = join(packageRoot(), "collections", "bruno", "adobe-ims");
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

  /** Each file parsed and written back as the app saves it. */
  function savedByTheApp(into: string): void {
    cpSync(source, into, { recursive: true });
    for (const file of files(into)) {
      const path = join(into, file);
      const text = readFileSync(path, "utf8");
      const saved =
        file === "opencollection.yml"
          ? (({ collectionRoot, brunoConfig }) => filestore.stringifyCollection(collectionRoot, brunoConfig, YML))(
              filestore.parseCollection(text, YML),
            )
          : file.startsWith("environments/")
            ? filestore.stringifyEnvironment(filestore.parseEnvironment(text, YML), YML)
            : file.endsWith("folder.yml")
              ? filestore.stringifyFolder(filestore.parseFolder(text, YML), YML)
              : filestore.stringifyRequest(filestore.parseRequest(text, YML), YML);
      expect(saved.trimStart().startsWith("{"), `${file} is block YAML once saved`).toBe(false);
      writeFileSync(path, saved);
    }
  }

  it("reads every request with its scripts whole, and every environment with its secrets marked", () => {
    for (const file of files(source).filter((name) => /^(Authenticate|Platform|AEM)\/(?!folder\.yml)/.test(name))) {
      const request = filestore.parseRequest(readFileSync(join(source, file), "utf8"), YML);
      expect(request.request.script.req, file).toMatch(/^\/\*! postman-ims-auth [\s\S]*\nawait __imsAuth\.run\(/);
      // The token requests' tests are ours; the samples' are a status check (the collection's tests watch for 401).
      expect(request.request.tests, file).toMatch(file.startsWith("Authenticate/") ? /^\/\*! postman-ims-auth / : /^test\("/);
    }
    const workshop = filestore.parseEnvironment(readFileSync(join(source, "environments", "workshop.yml"), "utf8"), YML);
    const secrets = workshop.variables.filter((variable) => variable.secret).map((variable) => variable.name);
    expect(secrets).toEqual(expect.arrayContaining(["CLIENT_SECRET", "PRIVATE_KEY", "ACCESS_TOKEN"]));
    for (const variable of workshop.variables.filter((candidate) => candidate.secret)) expect(variable.value).toBe("");
  });

  it("saved by the app as block YAML, the whole collection still runs green with one IMS call", async () => {
    const dir = work.path("saved");
    savedByTheApp(dir);
    const { emulator, credential } = shared.ctx;
    const args = Object.entries({
      IMS: emulator.host,
      API_KEY: credential.integration.clientId,
      CLIENT_SECRET: "{{process.env.ADOBE_CLIENT_SECRET}}",
      SCOPES: credential.integration.scopes!.join(","),
      IMS_ORG: credential.integration.orgId,
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: emulator.host,
    }).flatMap(([key, value]) => ["--env-var", `${key}=${value}`]);
    const result = await runBru(dir, ["--env", "oauth-s2s", ...args, "--cacert", shared.ctx.caFile], home, {
      ADOBE_CLIENT_SECRET: credential.integration.clientSecret,
    });
    expect(result.code, result.stdout).toBe(0);
    expect(requestsSummary(result)).toBe("5 (2 Passed, 3 Skipped)");
    expect(emulator.calls).toEqual({ jwtExchange: 0, tokenV2: 0, tokenV3: 1, api: 1 });
  });
});
