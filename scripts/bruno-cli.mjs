// Bruno's CLI as a runner we test, kept out of node_modules: a pinned @usebruno/cli installed into a cache folder
// when missing (`npm run test:bruno`), and its tests run against it. `--cached` only says whether it is there.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optInMain } from "./opt-in-runner.mjs";

export const BRUNO_CLI_VERSION = "4.1.0";

/** Where its npm packages live: outside the project, shared by clones (POSTMAN_IMS_AUTH_CACHE moves it). */
export function brunoCliDir() {
  const cache = process.env.POSTMAN_IMS_AUTH_CACHE || join(homedir(), ".cache", "postman-ims-auth");
  return join(cache, `bruno-cli-${BRUNO_CLI_VERSION}`);
}

/** `bru`'s entry (a Node script, run with this Node), when installed. */
export function brunoCliEntry() {
  const file = join(brunoCliDir(), "node_modules", "@usebruno", "cli", "bin", "bru.js");
  return existsSync(file) ? file : undefined;
}

/**
 * Installs the pinned version into the cache folder; returns the entry. Install scripts are skipped: the only
 * one in its tree (protobufjs's postinstall, a version notice) is not needed to run collections.
 */
export function installBrunoCli() {
  const existing = brunoCliEntry();
  if (existing) return existing;
  console.log(`@usebruno/cli ${BRUNO_CLI_VERSION}: installing into ${brunoCliDir()} (about 280 MB, once)`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(
    npm,
    ["install", "--prefix", brunoCliDir(), "--no-audit", "--no-fund", "--ignore-scripts", `@usebruno/cli@${BRUNO_CLI_VERSION}`],
    { stdio: "inherit" },
  );
  const entry = brunoCliEntry();
  if (!entry) throw new Error(`@usebruno/cli ${BRUNO_CLI_VERSION} installed without bin/bru.js`);
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  optInMain({
    label: `@usebruno/cli ${BRUNO_CLI_VERSION}`,
    dir: brunoCliDir,
    find: brunoCliEntry,
    install: installBrunoCli,
    tests: "test/bruno",
    flag: "BRUNO_TESTS",
    usage: "node scripts/bruno-cli.mjs",
  });
}
