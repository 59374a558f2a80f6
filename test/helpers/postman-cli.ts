// The Postman CLI (postman-cli, cached outside node_modules by `npm run test:postman-cli`) run as a user runs it,
// with a HOME of its own: a developer's `postman login` must not make these runs publish anything. Its own traffic
// stays on the machine: no update check, and its usage events (counts, sent by default) to a closed loopback port.

import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postmanCliBinary } from "../../scripts/postman-cli.mjs";

/** The binary when `npm run test:postman-cli` runs these tests (it installs it first); otherwise they are skipped. */
export const POSTMAN_CLI = process.env.POSTMAN_CLI_TESTS === "1" ? postmanCliBinary() : undefined;

export interface PostmanCliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What keeps the CLI's own requests on this machine, for every run of it in the tests (recipes too). */
export const POSTMAN_CLI_OFFLINE = { POSTMAN_CLI_SKIP_UPDATE_CHECK: "1", POSTMAN_ANALYTICS_BASE_URL: "http://127.0.0.1:9" } as const;

/** A HOME with no Postman login in it, for a test file's runs (the caller removes it). */
export function cleanHome(): string {
  return mkdtempSync(join(tmpdir(), "postman-cli-home-"));
}

export function runPostmanCli(args: readonly string[], cwd: string, home: string): Promise<PostmanCliResult> {
  return new Promise((resolve) => {
    execFile(
      POSTMAN_CLI ?? "postman",
      [...args],
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: home, ...POSTMAN_CLI_OFFLINE }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Console lines and verbose bodies as the CLI wraps them ("  | " at 54 columns), joined back. */
export function unwrapped(text: string): string {
  return text.replace(/\n\s*\| /g, "");
}
