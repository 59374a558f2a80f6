// Which test files run in which command: `npm test` runs every test file but the end-to-end ones below, which
// `npm run test:e2e` runs (each takes minutes: a packed install, a clean rebuild, the benchmark). .ci/run runs both.

/** The end-to-end files, relative to the repository. */
export const E2E_FILES = ["test/cli/package.test.ts", "test/integration/reproducible-build.test.ts", "test/integration/bench.test.ts"];
