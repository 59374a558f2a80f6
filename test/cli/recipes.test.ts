// The CI recipes under examples/ci, run as written: each step's own lines, in order, in a repository laid out as the
// recipe says, against the emulator. Only what CI provides is substituted: the secrets, the emulator's host and CA.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { makeAemCredentials, registerAemCredentials } from "../helpers/aem-credentials.js";
import { CLI } from "../helpers/cli.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";
import { readRecipe, recipeRunner, type Outcome, type Step } from "../helpers/recipes.js";

const ROOT = packageRoot();
const read = readRecipe;

let ctx: EmulatorContext;
const aem = makeAemCredentials();
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
  registerAemCredentials(ctx.emulator, aem);
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

// Under the project, so that `npx newman@6.2.2` finds the project's own newman 6.2.2 instead of downloading it.
const WORK = join(ROOT, ".recipe-runs");
const recipes = recipeRunner(WORK, () => ctx.caFile);
const { repository, ciEnvironment, shell, runGithubJob } = recipes;
afterAll(() => recipes.remove());

/** A GitLab job: its `script` lines in one shell, with the CI/CD variables in its environment. */
async function runGitlabJob(file: string, repo: string, variables: Record<string, string>): Promise<Outcome> {
  const pipeline = parse(read(file)) as Record<
    string,
    { script: string[]; artifacts: { reports: { junit: string } }; variables?: Record<string, string> }
  >;
  const [job] = Object.values(pipeline);
  const jobVariables = Object.fromEntries(
    Object.entries(job!.variables ?? {}).map(([key, value]) => [
      key,
      String(value).replace(/\$([A-Z0-9_]+)/g, (_w, name: string) => variables[name] ?? ""),
    ]),
  );
  const outcome = await shell(
    ["bash", "-eo", "pipefail", "-c", job!.script.join("\n")],
    repo,
    ciEnvironment({ ...variables, ...jobVariables }),
  );
  expect(existsSync(join(repo, job!.artifacts.reports.junit))).toBe(true);
  return outcome;
}

describe("examples/ci/github-actions.yml, with an OAuth Server-to-Server credential only", () => {
  const s2sEnvironment = () =>
    buildEnvironment(templateByName("oauth-s2s"), {
      IMS: ctx.emulator.host,
      IMS_ORG: ctx.credential.integration.orgId,
      SCOPES: (ctx.credential.integration.scopes ?? []).join(","),
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: ctx.emulator.host,
    });
  const secrets = () => ({
    ADOBE_CLIENT_ID: ctx.credential.integration.clientId,
    ADOBE_CLIENT_SECRET: ctx.credential.integration.clientSecret,
  });

  it("is green: one IMS call, the Platform sample passes, the JUnit report is written, no secret printed", async () => {
    const repo = repository("oauth-s2s.postman_environment.json", s2sEnvironment());
    const result = await runGithubJob("github-actions.yml", repo, secrets());
    expect(result.code, result.output).toBe(0);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(ctx.emulator.calls.jwtExchange).toBe(0);
    expect(ctx.emulator.calls.api).toBe(1);
    const report = readFileSync(join(repo, "build", "newman-junit.xml"), "utf8");
    expect(report).toContain('<testcase name="Platform answered 200"');
    expect(report).not.toMatch(/(failures|errors)="[1-9]/);
    expect(result.output).not.toContain(ctx.credential.integration.clientSecret);
  });

  it("a wrong secret ends the job red, with IMS's reason and what to fix", async () => {
    const repo = repository("oauth-s2s.postman_environment.json", s2sEnvironment());
    const result = await runGithubJob("github-actions.yml", repo, { ...secrets(), ADOBE_CLIENT_SECRET: "p8e-WRONG-not-the-secret" });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("invalid_client");
    expect(result.output).toContain("CLIENT_SECRET");
    expect(result.output).not.toContain("p8e-WRONG-not-the-secret");
  });
});

describe("examples/ci/gitlab-ci.yml, with AEM service credentials only", () => {
  mkdirSync(WORK, { recursive: true });
  const temp = mkdtempSync(join(WORK, "credentials-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  /** The recipe's own `postman-ims-auth env … --without-secrets` line, from its comments, with the installed CLI. */
  async function environmentFromCredentials(repo: string): Promise<void> {
    const text = read("gitlab-ci.yml");
    const command = /^#\s+(postman-ims-auth env .*\\\n#\s+.*)$/m.exec(text)?.[1]?.replace(/\\\n#\s+/, "");
    expect(command).toBeDefined();
    const credentials = join(temp, "service-credentials.json");
    writeFileSync(
      credentials,
      JSON.stringify({ ...aem.wrapped, integration: { ...aem.wrapped.integration, imsEndpoint: ctx.emulator.host } }),
    );
    const args = command!
      .split(/\s+/)
      .slice(1)
      .map((word) =>
        word === "service-credentials.json" ? credentials : word === "author-p123-e456.adobeaemcloud.com" ? ctx.emulator.host : word,
      );
    const made = await shell([process.execPath, CLI, ...args], repo, ciEnvironment({}));
    expect(made.code, made.output).toBe(0);
  }

  const variables = () => ({
    ADOBE_CLIENT_SECRET: (aem.wrapped.integration.technicalAccount as { clientSecret: string }).clientSecret,
    ADOBE_PRIVATE_KEY_BASE64: Buffer.from(aem.privateKey).toString("base64"),
  });

  it("the environment it tells you to commit holds no secret", async () => {
    const repo = repository("aem.postman_environment.json", undefined);
    await environmentFromCredentials(repo);
    const written = readFileSync(join(repo, "environments", "aem.postman_environment.json"), "utf8");
    for (const secret of Object.values(variables())) expect(written).not.toContain(secret.slice(0, 40));
    expect(written).not.toContain("PRIVATE KEY");
  });

  it("is green: one JWT exchange with the key in base64, both AEM requests pass, no secret printed", async () => {
    const repo = repository("aem.postman_environment.json", undefined);
    await environmentFromCredentials(repo);
    const result = await runGitlabJob("gitlab-ci.yml", repo, variables());
    expect(result.code, result.output).toBe(0);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.calls.tokenV3).toBe(0);
    expect(ctx.emulator.calls.api).toBe(2);
    for (const secret of Object.values(variables())) expect(result.output).not.toContain(secret.slice(0, 40));
  });
});

describe("what the recipes ask of a user", () => {
  it.each(["github-actions.yml", "gitlab-ci.yml"])("%s installs nothing but a pinned Newman, the version this project tests", (file) => {
    const yaml = parse(read(file)) as Record<string, unknown>;
    const jobs = (yaml.jobs ?? yaml) as Record<string, { steps?: Step[]; script?: string[] }>;
    const lines = Object.values(jobs)
      .flatMap((job) => [...(job.steps ?? []).map((step) => step.run ?? ""), ...(job.script ?? [])])
      .join("\n");
    const ours = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
    expect(lines).toContain(`npx --yes newman@${ours.peerDependencies.newman} run`);
    expect(lines).not.toMatch(/npm (install|i) /);
    expect(lines).not.toMatch(/--verbose|--export-environment|secrets\./);
    // A secret on a command line is visible to anyone on the runner (ps): they go through a 0600 file instead.
    expect(lines).not.toMatch(/--env-var\s+"?(CLIENT_SECRET|PRIVATE_KEY|PRIVATE_KEY_PASSPHRASE)=/);
    expect(lines).toContain("{ mode: 0o600 }");
  });
});
