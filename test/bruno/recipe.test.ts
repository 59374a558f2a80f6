// examples/ci/github-actions-bruno.yml run as written (as the Newman and Postman CLI recipes are): green with an
// OAuth Server-to-Server credential alone, red with IMS's reason for a wrong secret, secrets never on a command line.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BRUNO_CLI_VERSION, brunoCliDir } from "../../scripts/bruno-cli.mjs";
import { packageRoot } from "../../src/files/paths.js";
import { BRUNO_CLI, brunoHome } from "../helpers/bruno-cli.js";
import { useEmulator } from "../helpers/emulator.js";
import { readRecipe, recipeRunner, type Step } from "../helpers/recipes.js";

const RECIPE = "github-actions-bruno.yml";

describe("what the Bruno recipe asks of a user", () => {
  it("installs nothing but the pinned CLI, the version this project tests; secrets only by reference", () => {
    const workflow = parse(readRecipe(RECIPE)) as { jobs: Record<string, { steps: Step[] }> };
    const lines = Object.values(workflow.jobs)
      .flatMap((job) => job.steps.map((step) => step.run ?? ""))
      .join("\n");
    expect(lines).toContain(`npx --yes @usebruno/cli@${BRUNO_CLI_VERSION} run`);
    expect(lines).not.toMatch(/npm (install|i) |curl |secrets\.|\$ADOBE_|\$\{ADOBE_/);
    // Every --env-var of a secret is a {{process.env.…}} reference, never the value.
    for (const [, name, value] of lines.matchAll(/--env-var '([A-Z_]+)=([^']*)'/g)) {
      if (["CLIENT_SECRET", "PRIVATE_KEY", "PRIVATE_KEY_PASSPHRASE"].includes(name!)) expect(value).toMatch(/^\{\{process\.env\.\w+\}\}$/);
    }
  });
});

describe.runIf(BRUNO_CLI)(`examples/${RECIPE}, with an OAuth Server-to-Server credential only`, () => {
  const shared = useEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  let home = "";
  // Under the cache folder's install, so that `npx --yes @usebruno/cli@…` finds it instead of downloading it.
  const work = join(brunoCliDir(), "recipe-runs");
  const recipes = recipeRunner(
    work,
    () => shared.ctx.caFile,
    () => home,
  );
  const repos: string[] = [];
  beforeAll(() => {
    home = brunoHome();
  });
  afterAll(() => {
    for (const repo of repos) rmSync(repo, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  /** The user's repository: the committed Bruno collection, its oauth-s2s environment filled in but for the secret. */
  function repository(): string {
    const repo = join(work, `repo-${repos.length + 1}-${process.pid}`);
    repos.push(repo);
    const collection = join(repo, "collections", "bruno", "adobe-ims");
    mkdirSync(join(repo, "collections", "bruno"), { recursive: true });
    cpSync(join(packageRoot(), "collections", "bruno", "adobe-ims"), collection, { recursive: true });
    const file = join(collection, "environments", "oauth-s2s.yml");
    const environment = JSON.parse(readFileSync(file, "utf8")) as { variables: { name: string; value?: string }[] };
    const { emulator, credential } = shared.ctx;
    const filled: Record<string, string> = {
      IMS: emulator.host,
      IMS_ORG: credential.integration.orgId,
      SCOPES: (credential.integration.scopes ?? []).join(","),
      SANDBOX_NAME: "prod",
    };
    for (const variable of environment.variables) if (variable.name in filled) variable.value = filled[variable.name];
    // PLATFORM_HOST is a collection variable: the emulator stands in for platform.adobe.io.
    environment.variables.push({ name: "PLATFORM_HOST", value: emulator.host });
    writeFileSync(file, JSON.stringify(environment, null, 2));
    return repo;
  }
  const secrets = () => ({
    ADOBE_CLIENT_ID: shared.ctx.credential.integration.clientId,
    ADOBE_CLIENT_SECRET: shared.ctx.credential.integration.clientSecret,
  });

  it("is green: one IMS call, the Platform sample passes, the JUnit report is written, no secret printed or reported", async () => {
    const repo = repository();
    const result = await recipes.runGithubJob(RECIPE, repo, secrets());
    expect(result.code, result.output).toBe(0);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 1 });
    const report = readFileSync(join(repo, "build", "bruno-junit.xml"), "utf8");
    expect(report).toContain("Platform answered 200");
    expect(report).not.toMatch(/(failures|errors)="[1-9]/);
    for (const secret of [shared.ctx.credential.integration.clientSecret, ...shared.ctx.emulator.issuedTokens]) {
      expect(result.output).not.toContain(secret);
      expect(report).not.toContain(secret);
    }
  });

  it("a wrong secret ends the job red, with IMS's reason and what to fix", async () => {
    const repo = repository();
    const result = await recipes.runGithubJob(RECIPE, repo, { ...secrets(), ADOBE_CLIENT_SECRET: "p8e-WRONG-not-the-secret" });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("invalid_client");
    expect(result.output).toContain("Check CLIENT_SECRET");
    expect(result.output).not.toContain("p8e-WRONG-not-the-secret");
  });
});
