import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { CODES_DIR_VARIABLE, E2E_FILES, ERROR_CODES_FILE } from "./test/suites.js";

// The codes the tests see produced (test/helpers/produced-codes.ts), one folder a run; folders of runs that ended go.
const codesRoot = join("node_modules", ".cache", "postman-ims-auth", "produced-codes");
for (const name of existsSync(codesRoot) ? readdirSync(codesRoot) : []) {
  if (!isRunning(Number(name))) rmSync(join(codesRoot, name), { recursive: true, force: true });
}
process.env[CODES_DIR_VARIABLE] ??= join(process.cwd(), codesRoot, String(process.pid));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default defineConfig({
  test: {
    // Most test time is spent waiting on runners, servers and subprocesses, not computing: on a
    // 2-core machine vitest's default (cores - 1 = one worker) leaves a core idle most of the time.
    maxWorkers: 3,
    // Each worker runs many files without re-importing what they share (Newman, postman-runtime, TypeScript, the
    // sources): about 40% less CPU than a fresh module graph per file. Tests keep no global state between files:
    // they restore what they change (environment variables, console spies, the working directory).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default"],
    setupFiles: ["test/helpers/produced-codes.ts"],
    projects: [
      // `npm run test:e2e` runs the end-to-end files (vitest.e2e.config.ts).
      { extends: true, test: { name: "tests", include: ["test/**/*.test.ts"], exclude: [...E2E_FILES, ERROR_CODES_FILE] } },
      // After every other file (a later group): it reads what they recorded.
      { extends: true, test: { name: "error codes", include: [ERROR_CODES_FILE], sequence: { groupOrder: 1 } } },
    ],
  },
});
