// The command line of an opt-in runner's script (scripts/postman-cli.mjs, scripts/bruno-cli.mjs): `--cached` says
// whether the pinned runner is in the cache folder (exit 0 or 1); `test` installs it when missing, then runs its
// tests with the flag that turns them on.

import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * @param {{ label: string, dir: () => string, find: () => string | undefined, install: () => string,
 *   tests: string, flag: string, usage: string, vitestArgs?: string[] }} runner
 */
export function optInMain(runner) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "--cached") {
    const found = runner.find();
    console.log(found ? `${runner.label} is cached (${runner.dir()})` : `${runner.label} is not cached in ${runner.dir()}`);
    process.exit(found ? 0 : 1);
  }
  if (command !== "test") {
    console.error(`usage: ${runner.usage} --cached | test [vitest options]`);
    process.exit(2);
  }
  runner.install();
  const vitest = join("node_modules", "vitest", "vitest.mjs");
  const run = spawnSync(process.execPath, [vitest, "run", runner.tests, ...(runner.vitestArgs ?? []), ...rest], {
    stdio: "inherit",
    env: { ...process.env, [runner.flag]: "1" },
  });
  process.exit(run.status ?? 1);
}
