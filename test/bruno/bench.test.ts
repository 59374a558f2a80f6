// `npm run bench -- --bruno --quick` as a subprocess: it runs every variant in both sandboxes and prints its table.

import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/files/paths.js";
import { BRUNO_CLI } from "../helpers/bruno-cli.js";
import { runCli } from "../helpers/cli.js";

describe.runIf(BRUNO_CLI)("the Bruno benchmark", () => {
  it("prints a row per sandbox with the per-request cost of no script, a one-line script and auto-auth", async () => {
    // Six bru runs of five requests; in safe mode each request starts QuickJS twice (auto-auth and the 401 watcher).
    const result = await runCli(["--bruno", "--quick"], { entry: `${packageRoot()}/dist/node/bench/main.js`, timeoutMs: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^bru run 4\.1\.0, 5 requests with a fresh token, medians of 1 \(load [\d.]+\)/);
    for (const sandbox of ["safe", "developer"]) {
      expect(result.stdout).toMatch(
        new RegExp(`\\n\\| ${sandbox} \\| [\\d.]+ ms \\| [\\d.]+ ms \\| [\\d.]+ ms \\| -?[\\d.]+ ms \\| [\\d.]+ \\|`),
      );
    }
    expect(result.stderr.match(/^round 1: /gm)).toHaveLength(6);
  }, 180_000);
});
