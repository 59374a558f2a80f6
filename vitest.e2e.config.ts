// `npm run test:e2e`: the end-to-end files (test/suites.ts), minutes each, outside `npm test`'s loop.
import { defineConfig } from "vitest/config";
import { E2E_FILES } from "./test/suites.js";

export default defineConfig({
  test: {
    include: E2E_FILES,
    maxWorkers: 3,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ["default"],
  },
});
