// What a CLI command is: its help, its options (node:util parseArgs), and one library call.

import type { ParseArgsConfig } from "node:util";

/** An expected failure caused by the arguments: printed as `error: …` with the command's usage. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage and options, shown by --help and after a usage error. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether positional arguments are accepted (files…). */
  readonly positionals?: boolean;
  /** Returns the exit code. Stdout is for results; stderr for diagnostics. */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}
