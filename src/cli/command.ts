// What a CLI command is: its help, its options (node:util parseArgs), and one library call (imported when it runs, so --help stays fast).

import type { ParseArgsConfig } from "node:util";
import { ImsAuthError } from "../core/errors.js";

/** A command line that cannot be run as written (a missing argument, options that do not go together): printed with the command's usage. */
export function usageError(message: string): ImsAuthError {
  return new ImsAuthError("ERR_USAGE", message);
}

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
  /**
   * Refuses a command line that lacks what only the command line can give (an output path, the
   * files to read): ERR_USAGE. Checks of what the values mean live in the library, once. Runs
   * before `run`, and alone for a parse-only check.
   */
  check?(values: OptionValues, positionals: string[]): void;
  /** Returns the exit code. Stdout is for results; stderr for diagnostics. */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}
