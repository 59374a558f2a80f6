// Bruno's CLI (@usebruno/cli, cached outside node_modules by `npm run test:bruno`) run as a user runs it: `bru run`
// in the collection folder, with a HOME of its own and only the environment variables a CI job would give it.

import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brunoCliEntry } from "../../scripts/bruno-cli.mjs";

/** `bru`'s entry when `npm run test:bruno` runs these tests (it installs the CLI first); otherwise they are skipped. */
export const BRUNO_CLI = process.env.BRUNO_TESTS === "1" ? brunoCliEntry() : undefined;

/** Bruno's two script runtimes: QuickJS (the CLI's default) and Node's vm. */
export const SANDBOXES = ["safe", "developer"] as const;
export type BrunoSandbox = (typeof SANDBOXES)[number];

export interface BruResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A HOME of its own, for a test file's runs (the caller removes it). */
export function brunoHome(): string {
  return mkdtempSync(join(tmpdir(), "bruno-home-"));
}

/** `bru run …args` in `collection`, never through a shell; `env` is all the environment it gets besides PATH and HOME. */
export function runBru(collection: string, args: readonly string[], home: string, env: Record<string, string> = {}): Promise<BruResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BRUNO_CLI ?? "bru", "run", ...args],
      { cwd: collection, env: { PATH: process.env.PATH ?? "", HOME: home, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The "Requests" row of bru's summary table: "5 (2 Passed, 3 Skipped)". */
export function requestsSummary(result: BruResult): string | undefined {
  return /Requests\s*│\s*(.+?)\s*│/.exec(result.stdout)?.[1];
}
