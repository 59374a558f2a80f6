// `npm run bench -- --quick` as a smoke test: it runs, and its results have every row and column. Timings are never asserted.

import { describe, expect, it } from "vitest";
import { runBench } from "../../src/bench/bench.js";
import { QUICK } from "../../src/bench/settings.js";
import { formatResults } from "../../src/bench/table.js";

describe("the benchmark, --quick", () => {
  it("produces the table's keys for both runtimes, every variant and every script", { timeout: 300_000 }, async () => {
    const results = await runBench(QUICK);
    expect(Object.keys(results).sort()).toEqual([
      "durationSeconds",
      "goals",
      "imsCalls",
      "machine",
      "perRequest",
      "settings",
      "signing",
      "sizes",
    ]);

    expect(results.imsCalls.map((row) => `${row.runtime}/${row.flow}`)).toEqual([
      "newman/s2s",
      "newman/jwt",
      "postman-runtime/s2s",
      "postman-runtime/jwt",
    ]);
    // Counts, unlike timings, are exact: the IMS-call goals hold even in a smoke run.
    for (const row of results.imsCalls) expect([row.fromEmpty, row.fromExported, row.failures]).toEqual([1, 0, 0]);

    expect(results.perRequest.map((row) => `${row.runtime}/${row.variant}`)).toEqual(
      ["newman", "postman-runtime"].flatMap((runtime) =>
        ["none", "one-line", "one-line-pair", "auto-auth", "adobe"].map((variant) => `${runtime}/${variant}`),
      ),
    );
    for (const row of results.perRequest) {
      expect(row).toEqual(
        expect.objectContaining({
          msPerRequest: expect.any(Number),
          overheadMs: expect.any(Number),
          ratioToNone: expect.any(Number),
          failures: 0,
        }),
      );
      // Ours never touches IMS with a valid token; the baseline exchanges on every request.
      expect(row.imsCallsPerRun).toBe(row.variant === "adobe" ? row.requests : 0);
      // Ours and the baseline are measured against the pair too (as many sandbox runs a request as ours).
      expect(row.ratioToPair === undefined).toBe(row.variant !== "auto-auth" && row.variant !== "adobe");
      if (row.variant !== "adobe") expect(row.consoleProblems).toBe(0);
    }

    expect(results.signing).toEqual([
      expect.objectContaining({ runtime: "newman", jsrsasignMs: expect.any(Number) }),
      expect.objectContaining({ runtime: "postman-runtime", jsrsasignMs: expect.any(Number) }),
    ]);

    expect(results.sizes.map((size) => size.script)).toEqual([
      "auto-auth",
      "jwt-exchange",
      "s2s-exchange",
      "token-response",
      "sample-guard",
      "401-watcher",
      "engine",
      "baseline: one-line script",
      "baseline: Adobe workshop style",
    ]);
    for (const size of results.sizes) expect(size.gzipBytes).toBeGreaterThan(0);

    expect(results.goals.length).toBeGreaterThanOrEqual(12);
    const printed = formatResults(results);
    for (const heading of ["IMS calls for", "Per request, valid token", "Signing one RS256 JWT", "Script sizes", "Goals"])
      expect(printed).toContain(heading);
  });
});
