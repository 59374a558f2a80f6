// The Postman CLI as a runner we test, kept out of node_modules: a pinned postman-cli installed into a cache folder
// when missing (`npm run test:postman-cli`), and its tests run against it. `--cached` only says whether it is there.
//
// npm's newest postman-cli wrapper is 1.34.0; Postman publishes newer binaries as @postman/pm-bin-<platform>
// packages, which the wrapper runs. The package.json below (the one place that pins them) installs the 1.34.0
// wrapper with the 1.62.0 Linux binary through npm's `overrides`, from the registry alone: the tarball holds the
// binary, nothing is downloaded at install. The CI recipes write the same file (a test holds them to it).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optInMain } from "./opt-in-runner.mjs";

/** The Postman CLI we test: the binary's version (`postman --version`), which names the cache folder. */
export const POSTMAN_CLI_VERSION = "1.62.0";
const WRAPPER_VERSION = "1.34.0";
/** The platform package 1.62.0 is published for (npm has no other platform's binary at that version). */
const BINARY_PACKAGE = "@postman/pm-bin-linux-x64";

/** The install's package.json, as one line: what scripts/postman-cli.mjs and the CI recipes write. */
export const POSTMAN_CLI_PACKAGE_JSON = JSON.stringify({
  private: true,
  devDependencies: { "postman-cli": WRAPPER_VERSION },
  overrides: { [BINARY_PACKAGE]: POSTMAN_CLI_VERSION },
});

/** Where the binary's npm packages live: outside the project, shared by clones (POSTMAN_IMS_AUTH_CACHE moves it). */
export function postmanCliDir() {
  const cache = process.env.POSTMAN_IMS_AUTH_CACHE || join(homedir(), ".cache", "postman-ims-auth");
  return join(cache, `postman-cli-${POSTMAN_CLI_VERSION}`);
}

/** The native binary postman-cli's wrapper runs (running it directly keeps the wrapper's signal handling out of tests). */
export function postmanCliBinary() {
  if (`${process.platform}-${process.arch}` !== "linux-x64") return undefined;
  const file = join(postmanCliDir(), "node_modules", BINARY_PACKAGE, "bin", "postman");
  return existsSync(file) ? file : undefined;
}

/** Installs the pinned version into the cache folder (its packages declare no install script); returns the binary. */
export function installPostmanCli() {
  const existing = postmanCliBinary();
  if (existing) return existing;
  if (`${process.platform}-${process.arch}` !== "linux-x64")
    throw new Error(`postman-cli ${POSTMAN_CLI_VERSION}: npm holds its binary for linux-x64 only, not ${process.platform}-${process.arch}`);
  console.log(`postman-cli ${POSTMAN_CLI_VERSION}: installing into ${postmanCliDir()} (about 240 MB, once)`);
  mkdirSync(postmanCliDir(), { recursive: true });
  writeFileSync(join(postmanCliDir(), "package.json"), `${POSTMAN_CLI_PACKAGE_JSON}\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: postmanCliDir(), stdio: "inherit" });
  const binary = postmanCliBinary();
  if (!binary) throw new Error(`postman-cli ${POSTMAN_CLI_VERSION} installed without ${BINARY_PACKAGE}/bin/postman`);
  const version = execFileSync(binary, ["--version"], {
    encoding: "utf8",
    env: { ...process.env, POSTMAN_CLI_SKIP_UPDATE_CHECK: "1", POSTMAN_ANALYTICS_BASE_URL: "http://127.0.0.1:9" },
  }).trim();
  if (version !== POSTMAN_CLI_VERSION) throw new Error(`the installed Postman CLI says ${version}, not ${POSTMAN_CLI_VERSION}`);
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
    // One test file at a time: each runs the CLI (a 180 MB binary, seconds to start) one run after the other.
    vitestArgs: ["--no-file-parallelism"],
  });
}
