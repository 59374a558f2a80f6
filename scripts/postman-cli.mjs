// The Postman CLI as a runner we test, kept out of node_modules: a pinned postman-cli installed into a cache folder
// when missing (`npm run test:postman-cli`), and its tests run against it. `--cached` only says whether it is there.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optInMain } from "./opt-in-runner.mjs";

export const POSTMAN_CLI_VERSION = "1.34.0";

/** Where the binary's npm packages live: outside the project, shared by clones (POSTMAN_IMS_AUTH_CACHE moves it). */
export function postmanCliDir() {
  const cache = process.env.POSTMAN_IMS_AUTH_CACHE || join(homedir(), ".cache", "postman-ims-auth");
  return join(cache, `postman-cli-${POSTMAN_CLI_VERSION}`);
}

const PLATFORMS = {
  "linux-x64": "linux-x64",
  "linux-arm64": "linux-arm64",
  "darwin-x64": "macos-x64",
  "darwin-arm64": "macos-arm64",
  "win32-x64": "windows-x64",
};

/** The native binary postman-cli's wrapper runs (running it directly keeps the wrapper's signal handling out of tests). */
export function postmanCliBinary() {
  const platform = PLATFORMS[`${process.platform}-${process.arch}`];
  if (!platform) return undefined;
  const file = join(
    postmanCliDir(),
    "node_modules",
    "@postman",
    `pm-bin-${platform}`,
    "bin",
    process.platform === "win32" ? "postman.exe" : "postman",
  );
  return existsSync(file) ? file : undefined;
}

/** Installs the pinned version into the cache folder (its packages declare no install script); returns the binary. */
export function installPostmanCli() {
  const existing = postmanCliBinary();
  if (existing) return existing;
  console.log(`postman-cli ${POSTMAN_CLI_VERSION}: installing into ${postmanCliDir()} (about 240 MB, once)`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(
    npm,
    ["install", "--prefix", postmanCliDir(), "--no-audit", "--no-fund", "--ignore-scripts", `postman-cli@${POSTMAN_CLI_VERSION}`],
    { stdio: "inherit" },
  );
  const binary = postmanCliBinary();
  if (!binary) throw new Error(`postman-cli ${POSTMAN_CLI_VERSION} has no binary for ${process.platform}-${process.arch}`);
  return binary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  optInMain({
    label: `postman-cli ${POSTMAN_CLI_VERSION}`,
    dir: postmanCliDir,
    find: postmanCliBinary,
    install: installPostmanCli,
    tests: "test/postman-cli",
    flag: "POSTMAN_CLI_TESTS",
    usage: "node scripts/postman-cli.mjs",
  });
}
