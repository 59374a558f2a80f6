// Runs a collection with Newman's library API and returns what a caller needs to judge the run.

import newman, { type NewmanRunOptions, type NewmanRunSummary } from "newman";

export interface RunOptions {
  readonly collection: unknown;
  readonly environment?: unknown;
  /** PEM of a CA to trust (the emulator's certificate). */
  readonly caFile?: string;
  readonly reporters?: string[];
  readonly reporter?: Record<string, unknown>;
  readonly envVar?: Array<{ key: string; value: string }>;
  readonly folder?: string;
  readonly iterationCount?: number;
  readonly verbose?: boolean;
}

export interface RunFailure {
  /** Test name, or where it happened (prerequest-script, request…). */
  readonly test: string;
  readonly name: string;
  readonly message: string;
  readonly item: string;
}

export interface RunResult {
  readonly summary: NewmanRunSummary;
  readonly failures: RunFailure[];
  /** Every assertion by name with its outcome, in run order. */
  readonly assertions: Array<{ item: string; test: string; passed: boolean }>;
  /** The environment at the end of the run, as key → value. */
  readonly environment: Record<string, string>;
}

export function runCollection(options: RunOptions): Promise<RunResult> {
  const runOptions = {
    collection: options.collection,
    environment: options.environment,
    envVar: options.envVar,
    folder: options.folder,
    iterationCount: options.iterationCount,
    reporters: options.reporters ?? [],
    reporter: options.reporter,
    sslExtraCaCerts: options.caFile,
    verbose: options.verbose,
    timeoutRequest: 30_000,
  } as unknown as NewmanRunOptions;
  return new Promise((resolve, reject) => {
    newman.run(runOptions, (error, summary) => {
      if (error) {
        reject(error);
        return;
      }
      resolve(describe(summary));
    });
  });
}

function describe(summary: NewmanRunSummary): RunResult {
  const failures = summary.run.failures.map((failure) => {
    const error = failure.error as { name?: string; message?: string; test?: string };
    return {
      test: error.test ?? failure.at,
      name: error.name ?? "Error",
      message: error.message ?? "",
      item: (failure.source as { name?: string } | undefined)?.name ?? "",
    };
  });
  const assertions = summary.run.executions.flatMap((execution) =>
    (execution.assertions ?? []).map((assertion) => ({
      item: execution.item.name ?? "",
      test: assertion.assertion,
      passed: !assertion.error,
    })),
  );
  const environment: Record<string, string> = {};
  for (const variable of (summary.environment as unknown as { values: { members: Array<{ key: string; value: unknown }> } }).values.members) {
    environment[variable.key] = String(variable.value ?? "");
  }
  return { summary, failures, assertions, environment };
}
