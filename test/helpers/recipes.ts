// Running a CI recipe under examples/ci as written: a user's repository laid out as the recipe says, each step's own
// lines in order with GitHub's default shell; only what CI provides is substituted (secrets, the emulator's CA).

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { packageRoot } from "../../src/files/paths.js";

export const RECIPES = join(packageRoot(), "examples", "ci");
export const readRecipe = (file: string) => readFileSync(join(RECIPES, file), "utf8");

export interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

export interface Outcome {
  readonly code: number;
  readonly output: string;
}

export interface RecipeRunner {
  /** A user's repository as the recipe describes it: the committed collection and one environment file. */
  repository(environmentFile: string, environment: unknown): string;
  /** What every CI job has: PATH, HOME, CI=true, and here the emulator's CA trusted as a runner image would. */
  ciEnvironment(extra: Record<string, string>): Record<string, string>;
  shell(args: string[], cwd: string, env: Record<string, string>): Promise<Outcome>;
  /** A GitHub workflow's job, step by step: `run` steps with GitHub's default shell, `uses` steps as the actions do. */
  runGithubJob(file: string, repo: string, settings: Record<string, string>): Promise<Outcome>;
  /** Removes the repositories made. */
  remove(): void;
}

/**
 * Repositories under `work` (where `npx <runner>@<version>` finds the pinned install instead of downloading it).
 * `runner` adds what a runner sets besides (RUNNER_TEMP) and what keeps a tool's own traffic on this machine.
 */
export function recipeRunner(
  work: string,
  caFile: () => string,
  home: () => string = () => process.env.HOME ?? "",
  runner: () => Record<string, string> = () => ({}),
): RecipeRunner {
  const repos: string[] = [];
  const ciEnvironment = (extra: Record<string, string>) => ({
    PATH: process.env.PATH ?? "",
    HOME: home(),
    CI: "true",
    NODE_EXTRA_CA_CERTS: caFile(),
    ...runner(),
    ...extra,
  });
  const shell = (args: string[], cwd: string, env: Record<string, string>): Promise<Outcome> =>
    new Promise((resolve) => {
      execFile(args[0]!, args.slice(1), { cwd, env, timeout: 180_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
      );
    });
  return {
    repository(environmentFile, environment) {
      mkdirSync(work, { recursive: true });
      const repo = mkdtempSync(join(work, "repo-"));
      repos.push(repo);
      mkdirSync(join(repo, "collections"));
      mkdirSync(join(repo, "environments"));
      writeFileSync(
        join(repo, "collections", "adobe-ims.postman_collection.json"),
        readFileSync(join(packageRoot(), "collections", "adobe-ims.postman_collection.json")),
      );
      if (environment !== undefined) writeFileSync(join(repo, "environments", environmentFile), JSON.stringify(environment, null, 2));
      return repo;
    },
    ciEnvironment,
    shell,
    async runGithubJob(file, repo, settings) {
      const workflow = parse(readRecipe(file)) as { jobs: Record<string, { steps: Step[] }> };
      const [job] = Object.values(workflow.jobs);
      let output = "";
      let failed = 0;
      // $GITHUB_PATH: folders a step appends to it come first in the PATH of the steps after it.
      mkdirSync(work, { recursive: true });
      const githubPath = join(mkdtempSync(join(work, "github-path-")), "path");
      writeFileSync(githubPath, "");
      for (const step of job!.steps) {
        if (step.run !== undefined) {
          if (failed) continue;
          const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value), settings)]));
          const added = readFileSync(githubPath, "utf8").split("\n").filter(Boolean).reverse();
          const base = ciEnvironment({ ...env, GITHUB_PATH: githubPath });
          const path = [...added, base.PATH].join(":");
          const outcome = await shell(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], repo, { ...base, PATH: path });
          output += outcome.output;
          failed = outcome.code;
        } else if (step.uses?.startsWith("actions/upload-artifact@")) {
          // `if: always()`: runs after a failure too; the report must be there either way.
          expect(existsSync(join(repo, step.with!.path!)), `${step.with!.path}\n${output}`).toBe(true);
        } else {
          expect(["actions/checkout@v4", "actions/setup-node@v4"]).toContain(step.uses);
        }
      }
      rmSync(dirname(githubPath), { recursive: true, force: true });
      return { code: failed, output };
    },
    remove() {
      for (const repo of repos) rmSync(repo, { recursive: true, force: true });
    },
  };
}

/** GitHub's `${{ secrets.X }}` and `${{ vars.X }}`, from what the repository's settings hold; anything else is refused. */
function expand(value: string, settings: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(secrets|vars)\.([A-Z0-9_]+)\s*\}\}/g, (_whole, _kind, name: string) => {
    const setting = settings[name];
    if (setting === undefined) throw new Error(`the recipe needs ${name}, which the test does not provide`);
    return setting;
  });
}
