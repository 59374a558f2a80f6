// The Postman CLI recipes run as written (as the Newman recipes are in test/cli/recipes.test.ts): the v2.1 JSON one
// (github-actions-postman-cli.yml) and the one for a repository in Postman v12's v3 layout (github-actions-postman-v3.yml),
// each green with an OAuth Server-to-Server credential alone, red with IMS's reason for a wrong secret.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { POSTMAN_CLI_PACKAGE_JSON, POSTMAN_CLI_VERSION, postmanCliDir } from "../../scripts/postman-cli.mjs";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { v3EnvironmentYaml } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI, POSTMAN_CLI_OFFLINE } from "../helpers/postman-cli.js";
import { readRecipe, recipeRunner, type Step } from "../helpers/recipes.js";

const RECIPES = ["github-actions-postman-cli.yml", "github-actions-postman-v3.yml"] as const;

const runLines = (recipe: string) =>
  Object.values((parse(readRecipe(recipe)) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap((job) =>
    job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run])),
  );

describe.each(RECIPES)("what %s asks of a user", (recipe) => {
  it(`installs nothing but the Postman CLI ${POSTMAN_CLI_VERSION}, pinned as this project pins it; no login, no report that holds secrets`, () => {
    const [install, ...rest] = runLines(recipe);
    expect(install).toContain(`echo '${POSTMAN_CLI_PACKAGE_JSON}' > package.json\n`);
    expect(install).toContain("npm install --no-audit --no-fund --ignore-scripts\n");
    const lines = rest.join("\n");
    expect(lines).toContain("postman collection run ");
    expect(lines).not.toMatch(/npm (install|i) |npx |curl |postman login|--postman-api-key/);
    expect(lines).not.toMatch(/--verbose|-r [\w,]*(json|html)|secrets\./);
  });
});

describe.runIf(POSTMAN_CLI)("the Postman CLI recipes, with an OAuth Server-to-Server credential only", { timeout: 240_000 }, () => {
  const shared = useEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  let home = "";
  // A runner's temporary folder kept across the runs: the recipes' npm install copies the CLI from npm's cache once.
  const work = join(postmanCliDir(), "recipe-runs");
  const recipes = recipeRunner(
    work,
    () => shared.ctx.caFile,
    () => home,
    () => ({ RUNNER_TEMP: join(work, "runner-temp"), ...POSTMAN_CLI_OFFLINE }),
  );
  beforeAll(() => {
    home = cleanHome();
  });
  afterAll(() => {
    recipes.remove();
    rmSync(home, { recursive: true, force: true });
  });

  const environment = () =>
    buildEnvironment(templateByName("oauth-s2s"), {
      IMS: shared.ctx.emulator.host,
      IMS_ORG: shared.ctx.credential.integration.orgId,
      SCOPES: (shared.ctx.credential.integration.scopes ?? []).join(","),
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: shared.ctx.emulator.host,
    });
  const secrets = () => ({
    ADOBE_CLIENT_ID: shared.ctx.credential.integration.clientId,
    ADOBE_CLIENT_SECRET: shared.ctx.credential.integration.clientSecret,
  });

  /** The user's repository as each recipe describes it: the committed collection and the filled-in oauth-s2s template. */
  function repository(recipe: (typeof RECIPES)[number]): string {
    if (recipe === "github-actions-postman-cli.yml") return recipes.repository("oauth-s2s.postman_environment.json", environment());
    // The v3 layout: what generate --target postman-v3 writes at a repository's root (committed under collections/postman/).
    const repo = recipes.repository("unused.postman_environment.json", undefined);
    mkdirSync(join(repo, "postman", "environments"), { recursive: true });
    cpSync(join(packageRoot(), "collections", "postman", "collections"), join(repo, "postman", "collections"), { recursive: true });
    writeFileSync(join(repo, "postman", "environments", "oauth-s2s.environment.yaml"), v3EnvironmentYaml(environment()));
    return repo;
  }

  describe.each(RECIPES)("examples/ci/%s", (recipe) => {
    it("is green: one IMS call, the Platform sample passes (in the JUnit report, where the CLI writes one), no secret printed", async () => {
      const repo = repository(recipe);
      const result = await recipes.runGithubJob(recipe, repo, secrets());
      expect(result.code, result.output).toBe(0);
      expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 1 });
      expect(result.output).toMatch(/Pass {2}Platform answered 200/);
      if (recipe === "github-actions-postman-cli.yml") {
        const report = readFileSync(join(repo, "build", "postman-cli-junit.xml"), "utf8");
        expect(report).toContain('<testcase name="Platform answered 200"');
        expect(report).not.toMatch(/(failures|errors)="[1-9]/);
      }
      expect(result.output).not.toContain(shared.ctx.credential.integration.clientSecret);
    });

    it("a wrong secret ends the job red, with IMS's reason and what to fix", async () => {
      const repo = repository(recipe);
      const result = await recipes.runGithubJob(recipe, repo, { ...secrets(), ADOBE_CLIENT_SECRET: "p8e-WRONG-not-the-secret" });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("invalid_client");
      expect(result.output).toContain("Check CLIENT_SECRET");
      expect(result.output).not.toContain("p8e-WRONG-not-the-secret");
    });
  });
});
