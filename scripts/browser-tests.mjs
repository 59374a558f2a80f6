// The opt-in real-browser test: Debian's chromium (apt-get install chromium; nothing downloads a browser) driven by a pinned
// playwright-core installed into the cache folder when missing (`npm run test:browser`). `--cached` says whether both are there.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { optInMain } from "./opt-in-runner.mjs";

export const PLAYWRIGHT_VERSION = "1.65.1";
/** Debian's chromium package puts its launcher here. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function playwrightDir() {
  const cache = process.env.POSTMAN_IMS_AUTH_CACHE || join(homedir(), ".cache", "postman-ims-auth");
  return join(cache, `playwright-core-${PLAYWRIGHT_VERSION}`);
}

/** playwright-core's entry, when installed and when the chromium it drives is on this machine. */
export function playwrightEntry() {
  const file = join(playwrightDir(), "node_modules", "playwright-core", "index.js");
  return existsSync(file) && existsSync(CHROMIUM) ? file : undefined;
}

/** Installs playwright-core (no install scripts: it downloads no browser); chromium must come from apt-get. */
export function installPlaywright() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium first (apt-get install chromium)`);
  const existing = playwrightEntry();
  if (existing) return existing;
  console.log(`playwright-core ${PLAYWRIGHT_VERSION}: installing into ${playwrightDir()} (once)`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(
    npm,
    ["install", "--prefix", playwrightDir(), "--no-audit", "--no-fund", "--ignore-scripts", `playwright-core@${PLAYWRIGHT_VERSION}`],
    {
      stdio: "inherit",
    },
  );
  const entry = playwrightEntry();
  if (!entry) throw new Error(`playwright-core ${PLAYWRIGHT_VERSION} installed without index.js`);
  return entry;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  optInMain({
    label: `playwright-core ${PLAYWRIGHT_VERSION} with ${CHROMIUM}`,
    dir: playwrightDir,
    find: playwrightEntry,
    install: installPlaywright,
    tests: "test/browser",
    flag: "BROWSER_TESTS",
    usage: "node scripts/browser-tests.mjs",
  });
}
