// Runs one folder of the generated collection in Newman once per table row (Newman's iteration data), and
// reports each row's tests: a table of inputs costs one run, and data variables override the environment.

import newman, { type NewmanRunOptions } from "newman";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import type { EmulatorContext } from "./emulator.js";

export interface RowTest {
  readonly test: string;
  /** The failure message; undefined when the test passed. */
  readonly error?: string;
}

/** Each row's tests, in row order. */
export function runRows(ctx: EmulatorContext, folder: string, rows: ReadonlyArray<Record<string, string>>): Promise<RowTest[][]> {
  const results: RowTest[][] = rows.map(() => []);
  const options = {
    collection: buildCollection(),
    environment: emulatorEnvironment(ctx.emulator, ctx.credential),
    folder,
    iterationData: rows,
    reporters: [],
    sslExtraCaCerts: ctx.caFile,
    timeoutRequest: 30_000,
  } as unknown as NewmanRunOptions;
  return new Promise((resolve, reject) => {
    const emitter = newman.run(options, (error) => (error ? reject(error) : resolve(results)));
    emitter.on("assertion", (error: { message?: string } | null, args: { assertion: string; cursor: { iteration: number } }) => {
      results[args.cursor.iteration]?.push({ test: args.assertion, ...(error ? { error: error.message ?? "" } : {}) });
    });
  });
}
