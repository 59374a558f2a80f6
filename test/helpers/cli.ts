// Running the built CLI as a user would (node dist/node/cli/main.js …), and checking what it writes.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sdk from "postman-collection";
import { packageRoot } from "../../src/files/paths.js";

export const CLI = join(packageRoot(), "dist", "node", "cli", "main.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node CLI …args` (or another entry), never through a shell: arguments arrive as given. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; entry?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.entry ?? CLI, ...args],
      // No inherited NODE_EXTRA_CA_CERTS: a test that trusts the emulator says so.
      { cwd: options.cwd, env: { ...process.env, NODE_EXTRA_CA_CERTS: "", ...options.env }, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * A temporary directory for one test file; remove() deletes it. Made on first use: a describe block that is
 * skipped (the opt-in runners' files) still runs its body, but never its afterAll, and must leave nothing behind.
 */
export function tempDir(prefix: string): { readonly dir: string; path: (...parts: string[]) => string; remove: () => void } {
  let made: string | undefined;
  const dir = () => {
    made ??= mkdtempSync(join(tmpdir(), `${prefix}-`));
    return made;
  };
  return {
    get dir() {
      return dir();
    },
    path: (...parts) => join(dir(), ...parts),
    remove: () => {
      if (made !== undefined) rmSync(made, { recursive: true, force: true });
    },
  };
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

export interface EnvironmentJson {
  name: string;
  values: Array<{ key: string; value: string; type: string; enabled: boolean }>;
  _postman_variable_scope?: string;
}

/**
 * Problems found when the environment goes through postman-collection's VariableScope and back:
 * every key and value must survive (the SDK maps the app's "secret"/"default" types to "any").
 */
export function environmentRoundTripProblems(json: EnvironmentJson): string[] {
  const problems: string[] = [];
  if (json._postman_variable_scope !== "environment") problems.push("_postman_variable_scope is not environment");
  const scope = new sdk.VariableScope(json as never);
  for (const { key, value } of json.values) if (scope.get(key) !== value) problems.push(`${key} does not read back`);
  const back = (scope.toJSON() as { values: Array<{ key: string; value: string; disabled?: boolean }> }).values;
  const mine = json.values.map(({ key, value, enabled }) => ({ key, value, enabled }));
  const theirs = back.map(({ key, value, disabled }) => ({ key, value, enabled: !disabled }));
  if (JSON.stringify(mine) !== JSON.stringify(theirs)) problems.push("keys, values or enabled flags change in a round trip");
  return problems;
}
