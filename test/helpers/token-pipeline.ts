// A CI pipeline as docs/ci.md, "Carry a token between CI steps", writes it: one step gets a token with
// `token --format env-var`, later runner steps (separate shells, as CI steps are) expand it unquoted.

import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildEnvironment, templateByName } from "../../src/generator/environment/environments.js";
import { CLI } from "./cli.js";
import type { EmulatorContext } from "./emulator.js";

export interface StepOutcome {
  readonly code: number;
  readonly output: string;
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<StepOutcome> {
  return new Promise((resolve) => {
    execFile("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

/**
 * Writes the committed files (the collection, an OAuth S2S environment with no secret), runs the token step with
 * CLIENT_SECRET in its environment only, then each runner line with the step's output in IMS_TOKEN_ARGS.
 */
export async function runTokenPipeline(ctx: EmulatorContext, collection: unknown, runnerLines: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), "token-pipeline-"));
  const { integration } = ctx.credential;
  writeFileSync(join(dir, "collection.json"), JSON.stringify(collection));
  writeFileSync(
    join(dir, "ci.postman_environment.json"),
    JSON.stringify(
      buildEnvironment(templateByName("oauth-s2s"), {
        IMS: ctx.emulator.host,
        API_KEY: integration.clientId,
        SCOPES: (integration.scopes ?? []).join(","),
        IMS_ORG: integration.orgId,
        SANDBOX_NAME: "prod",
        PLATFORM_HOST: ctx.emulator.host,
        AEM_HOST: ctx.emulator.host,
      }),
    ),
  );
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CA: ctx.caFile, CLI };
  const token = await bash('node "$CLI" token --env ci.postman_environment.json --set CLIENT_SECRET --format env-var --ca "$CA"', dir, {
    ...base,
    CLIENT_SECRET: integration.clientSecret,
  });
  const args = token.output.split("\n").find((line) => line.startsWith("--env-var ")) ?? "";
  const steps: StepOutcome[] = [];
  for (const line of runnerLines) steps.push(await bash(line, dir, { ...base, IMS_TOKEN_ARGS: args }));
  return { dir, token, args, steps };
}
