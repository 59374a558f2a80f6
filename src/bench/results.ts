// What the benchmark reports, and which of the project's goals the figures meet.

import type { BenchSettings } from "./settings.js";
import type { Variant } from "./collections.js";
import type { RuntimeName } from "./runs.js";
import { SIZE_LIMIT_BYTES, ourSizes, type ScriptSize } from "./sizes.js";

export interface ImsCallsRow {
  readonly runtime: RuntimeName;
  readonly flow: "s2s" | "jwt";
  readonly requests: number;
  readonly fromEmpty: number;
  readonly fromExported: number;
  readonly failures: number;
}

export interface PerRequestRow {
  readonly runtime: RuntimeName;
  readonly variant: Variant;
  readonly requests: number;
  readonly runs: number;
  /** Median wall time of a run divided by its requests. */
  readonly msPerRequest: number;
  /** Median, over rounds, of (this run − the no-script run of the same round) / requests. */
  readonly overheadMs: number;
  /** Median, over rounds, of this run's wall time / the no-script run's. */
  readonly ratioToNone: number;
  /** overheadMs / the one-line script's overheadMs (goal: ≤ 1.10). */
  readonly ratioToOneLine: number | undefined;
  /** overheadMs / the one-line pair's (a pre-request and a test script: as many sandbox runs as ours; goal: ≤ 1.10). */
  readonly ratioToPair?: number | undefined;
  readonly imsCallsPerRun: number;
  readonly failures: number;
  readonly consoleProblems: number;
}

export interface SigningRow {
  readonly runtime: RuntimeName;
  /** Median per signature with jsrsasign, checks included. */
  readonly jsrsasignMs: number;
  readonly engineLoadMs: number;
  readonly keyParseMs: number;
  readonly samples: number;
}

export interface Goal {
  /** What the goal is about, shown as the table's first column. */
  readonly area: "IMS calls" | "overhead" | "size" | "signing";
  readonly goal: string;
  readonly value: string;
  /** undefined: reported, no pass mark. */
  readonly met: boolean | undefined;
}

export interface BenchResults {
  readonly settings: BenchSettings;
  readonly machine: { node: string; cpus: number; loadBefore: number; loadAfter: number };
  readonly durationSeconds: number;
  readonly imsCalls: ImsCallsRow[];
  readonly sizes: ScriptSize[];
  readonly signing: SigningRow[];
  readonly perRequest: PerRequestRow[];
  readonly goals: Goal[];
}

export function judge(results: Omit<BenchResults, "goals">): BenchResults {
  const goals: Goal[] = [];
  for (const row of results.imsCalls) {
    goals.push({
      area: "IMS calls",
      goal: `1 IMS call for ${row.requests} requests without a token (${row.runtime}, ${row.flow})`,
      value: String(row.fromEmpty),
      met: row.fromEmpty === 1 && row.failures === 0,
    });
    goals.push({
      area: "IMS calls",
      goal: `0 IMS calls from the exported environment (${row.runtime}, ${row.flow})`,
      value: String(row.fromExported),
      met: row.fromExported === 0 && row.failures === 0,
    });
  }
  // A smoke run's timings mean nothing: reported, not judged.
  const timed = !results.settings.quick;
  for (const row of results.perRequest.filter((candidate) => candidate.variant === "auto-auth")) {
    const oneLine = results.perRequest.find((candidate) => candidate.runtime === row.runtime && candidate.variant === "one-line");
    const ratio = row.ratioToOneLine ?? Number.NaN;
    // A one-line script that costs nothing measurable leaves no ratio to judge: the machine was too noisy.
    const judged = timed && oneLine !== undefined && oneLine.overheadMs > 0;
    goals.push({
      area: "overhead",
      goal: `per-request overhead within 10% of a one-line script's (${row.runtime})`,
      value: `${ratio.toFixed(2)}×`,
      met: judged ? ratio <= 1.1 : undefined,
    });
    // Ours runs two scripts a request since the 401 watcher is the collection's: the same count of one-line scripts.
    const pair = results.perRequest.find((candidate) => candidate.runtime === row.runtime && candidate.variant === "one-line-pair");
    if (row.ratioToPair !== undefined)
      goals.push({
        area: "overhead",
        goal: `per-request overhead within 10% of a one-line pre-request and test script pair's (${row.runtime})`,
        value: `${row.ratioToPair.toFixed(2)}×`,
        met: timed && pair !== undefined && pair.overheadMs > 0 ? row.ratioToPair <= 1.1 : undefined,
      });
  }
  const largest = ourSizes(results.sizes).reduce((max, size) => (size.bytes > max.bytes ? size : max));
  goals.push({
    area: "size",
    goal: "every script we emit under 120 KB minified",
    value: `largest ${largest.script} ${(largest.bytes / 1024).toFixed(1)} KB`,
    met: largest.bytes < SIZE_LIMIT_BYTES,
  });
  // Once per token (a day): reported, not judged.
  for (const row of results.signing) {
    goals.push({
      area: "signing",
      goal: `signing as fast as jsrsasign allows (${row.runtime})`,
      value: `${row.jsrsasignMs} ms`,
      met: undefined,
    });
  }
  return { ...results, goals };
}
