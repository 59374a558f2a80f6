import { defineConfig } from "vitest/config";
import { E2E_FILES } from "./test/suites.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // `npm run test:e2e` runs these (vitest.e2e.config.ts).
    exclude: E2E_FILES,
    // Most test time is spent waiting on runners, servers and subprocesses, not computing: on a
    // 2-core machine vitest's default (cores - 1 = one worker) leaves a core idle most of the time.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
