// What a CLI command is: its help, its options (node:util parseArgs), and one library call (imported when it runs, so --help stays fast).

import type { ParseArgsConfig } from "node:util";

/** An expected failure caused by the arguments: printed as `error: …` with the command's usage. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** The values of an option given several times (`multiple: true`); none when it is absent. */
export const list = (value: OptionValues[string]): string[] => (Array.isArray(value) ? value : []);

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage and options, shown by --help and after a usage error. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether positional arguments are accepted (files…). */
  readonly positionals?: boolean;
  /** Refuses arguments that do not go together (throws UsageError); runs before `run`, and alone for a parse-only check. */
  check?(values: OptionValues, positionals: string[]): void;
  /** Returns the exit code. Stdout is for results; stderr for diagnostics. */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}
