// One timed collection run against the emulator, in either runtime, and what the benchmark keeps of it.

import { performance } from "node:perf_hooks";
import type { ImsEmulator } from "../emulator/ims-emulator.js";
import type { EnvironmentFile } from "../generator/environment/environments.js";
import { runCollection } from "../runner/newman-run.js";
import { consoleProblems, type RunOptions, type RunResult } from "../runner/run-result.js";
import { runWithPostmanRuntime } from "../runner/runtime-run.js";

export type RuntimeName = "newman" | "postman-runtime";

/** Newman 6.2 (sandbox 4.7) and postman-runtime 7.56 (the Postman app's, sandbox 6.7). */
export const RUNTIMES: ReadonlyArray<readonly [RuntimeName, (options: RunOptions) => Promise<RunResult>]> = [
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
];

export interface TimedRun {
  readonly ms: number;
  readonly imsCalls: number;
  readonly apiCalls: number;
  readonly failures: number;
  /** Warnings, errors or deprecation notices the sandbox printed. */
  readonly consoleProblems: number;
  readonly environment: Record<string, string>;
}

export async function timedRun(
  emulator: ImsEmulator,
  runner: (options: RunOptions) => Promise<RunResult>,
  options: RunOptions,
): Promise<TimedRun> {
  emulator.reset();
  const started = performance.now();
  const result = await runner(options);
  const ms = performance.now() - started;
  return {
    ms,
    imsCalls: emulator.imsCalls,
    apiCalls: emulator.calls.api,
    failures: result.failures.length,
    consoleProblems: consoleProblems(result.console).length,
    environment: result.environment,
  };
}

/** The environment as a run left it, as `newman run --export-environment` would write it. */
export function exported(environment: EnvironmentFile, finalValues: Record<string, string>): EnvironmentFile {
  return { ...environment, values: environment.values.map((value) => ({ ...value, value: finalValues[value.key] ?? value.value })) };
}
