// examples/ci/github-actions-postman-cli.yml run as written (as the Newman recipes are in test/cli/recipes.test.ts):
// green with an OAuth Server-to-Server credential alone, red with IMS's reason for a wrong secret.

import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { POSTMAN_CLI_VERSION, postmanCliDir } from "../../scripts/postman-cli.mjs";
import { useEmulator } from "../helpers/emulator.js";
import { cleanHome, POSTMAN_CLI } from "../helpers/postman-cli.js";
import { readRecipe, recipeRunner, type Step } from "../helpers/recipes.js";

const RECIPE = "github-actions-postman-cli.yml";

describe("what the Postman CLI recipe asks of a user", () => {
  it("installs nothing but the pinned Postman CLI, the version this project tests; no login, no report that holds secrets", () => {
    const workflow = parse(readRecipe(RECIPE)) as { jobs: Record<string, { steps: Step[] }> };
    const lines = Object.values(workflow.jobs)
      .flatMap((job) => job.steps.map((step) => step.run ?? ""))
      .join("\n");
    expect(lines).toContain(`npx --yes postman-cli@${POSTMAN_CLI_VERSION} collection run`);
    expect(lines).not.toMatch(/npm (install|i) |curl |postman login|--postman-api-key/);
    expect(lines).not.toMatch(/--verbose|-r [\w,]*(json|html)|secrets\./);
  });
});

describe.runIf(POSTMAN_CLI)(`examples/ci/${RECIPE}, with an OAuth Server-to-Server credential only`, () => {
  const shared = useEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  let home = "";
  // Under the cache folder's install, so that `npx --yes postman-cli@…` finds it instead of downloading it;
  // a HOME of its own, as a CI runner has: no developer's `postman login` in it.
  const recipes = recipeRunner(
    join(postmanCliDir(), "recipe-runs"),
    () => shared.ctx.caFile,
    () => home,
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

  it("is green: one IMS call, the Platform sample passes, the JUnit report is written, no secret printed", async () => {
    const repo = recipes.repository("oauth-s2s.postman_environment.json", environment());
    const result = await recipes.runGithubJob(RECIPE, repo, secrets());
    expect(result.code, result.output).toBe(0);
    expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 1 });
    const report = readFileSync(join(repo, "build", "postman-cli-junit.xml"), "utf8");
    expect(report).toContain('<testcase name="Platform answered 200"');
    expect(report).not.toMatch(/(failures|errors)="[1-9]/);
    expect(result.output).not.toContain(shared.ctx.credential.integration.clientSecret);
  });

  it("a wrong secret ends the job red, with IMS's reason and what to fix", async () => {
    const repo = recipes.repository("oauth-s2s.postman_environment.json", environment());
    const result = await recipes.runGithubJob(RECIPE, repo, { ...secrets(), ADOBE_CLIENT_SECRET: "p8e-WRONG-not-the-secret" });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("invalid_client");
    expect(result.output).toContain("Check CLIENT_SECRET");
    expect(result.output).not.toContain("p8e-WRONG-not-the-secret");
  });
});
