// Which test files run in which command: `npm test` runs every test file but the end-to-end ones below, which
// `npm run test:e2e` runs (each takes minutes, or a process of its own is what it tests: a packed install, a clean
// rebuild, the benchmark, the emulator's command line, the secret canary over every runner's output, the CI recipes
// and the CI flow run as a job runs them, Newman's CLI included). .ci/run runs both.

/** The end-to-end files, relative to the repository. */
export const E2E_FILES = [
  "test/cli/package.test.ts",
  "test/integration/reproducible-build.test.ts",
  "test/integration/bench.test.ts",
  "test/cli/emulator.test.ts",
  "test/integration/canary.test.ts",
  "test/cli/recipes.test.ts",
  "test/cli/ci-flow.test.ts",
];

/** Checks, after every other file of `npm test`, that each error code was produced by some test. */
export const ERROR_CODES_FILE = "test/unit/error-codes.test.ts";

/** Where test/helpers/produced-codes.ts records the codes each file saw produced, for ERROR_CODES_FILE. */
export const CODES_DIR_VARIABLE = "POSTMAN_IMS_AUTH_PRODUCED_CODES";
