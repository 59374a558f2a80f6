// Runs a collection with Newman's library API and returns what a caller needs to judge the run.

import type { NewmanRunOptions, NewmanRunSummary } from "newman";
import { loadNewman } from "./load-newman.js";
import { exceptionEntry, type ConsoleEntry, type RunAssertion, type RunOptions, type RunResult } from "./run-result.js";

export type { ConsoleEntry, RunFailure, RunOptions, RunResult, RunStats } from "./run-result.js";

export async function runCollection(options: RunOptions): Promise<RunResult> {
  const newman = await loadNewman();
  const runOptions = {
    collection: options.collection,
    environment: options.environment,
    envVar: options.envVar,
    folder: options.folder,
    delayRequest: options.delayRequest,
    iterationCount: options.iterationCount,
    reporters: options.reporters ?? [],
    reporter: options.reporter,
    sslExtraCaCerts: options.caFile,
    verbose: options.verbose,
    timeoutRequest: 30_000,
  } as unknown as NewmanRunOptions;
  return new Promise((resolve, reject) => {
    const printed: ConsoleEntry[] = [];
    const assertions: RunAssertion[] = [];
    const emitter = newman.run(runOptions, (error, summary) => {
      if (error) {
        reject(error);
        return;
      }
      resolve(describe(summary, assertions, printed));
    });
    // Newman reports script console calls (and the sandbox's own deprecation warnings) only as events.
    emitter.on("console", (_error: unknown, args: { level: string; messages: unknown[] }) => {
      printed.push({ level: args.level, messages: args.messages });
    });
    emitter.on("exception", (_error: unknown, args: { error?: { name?: string; message?: string } }) => {
      printed.push(exceptionEntry(args.error));
    });
    // From the events, not summary.run.executions: those keep only items whose request was sent,
    // so the failed pre-request tests of a skipped request would be missing.
    emitter.on("assertion", (error: unknown, args: { assertion: string; item?: { name?: string } }) => {
      assertions.push({ item: args.item?.name ?? "", test: args.assertion, passed: !error });
    });
  });
}

function describe(summary: NewmanRunSummary, assertions: RunAssertion[], printed: ConsoleEntry[]): RunResult {
  const failures = summary.run.failures.map((failure) => {
    const error = failure.error as { name?: string; message?: string; test?: string };
    return {
      test: error.test ?? failure.at,
      name: error.name ?? "Error",
      message: error.message ?? "",
      item: (failure.source as { name?: string } | undefined)?.name ?? "",
    };
  });
  const environment: Record<string, string> = {};
  for (const variable of (summary.environment as unknown as { values: { members: Array<{ key: string; value: unknown }> } }).values
    .members) {
    environment[variable.key] = String(variable.value ?? "");
  }
  const { requests, assertions: assertionStats } = summary.run.stats;
  const stats = {
    requests: { total: requests.total ?? 0, failed: requests.failed ?? 0 },
    assertions: { total: assertionStats.total ?? 0, failed: assertionStats.failed ?? 0 },
  };
  return { stats, failures, assertions, environment, console: printed };
}
