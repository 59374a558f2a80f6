// Parsing a command line without running it: main.ts uses it, and so can a check of the commands written in CI recipes.

import { parseArgs } from "node:util";
import { usageError, type Command, type OptionValues } from "./command.js";

export type Parsed =
  | { readonly kind: "help"; readonly text: string; readonly exitCode: number }
  | { readonly kind: "run"; readonly command: Command; readonly values: OptionValues; readonly positionals: string[] };

export function overview(commands: readonly Command[]): string {
  const lines = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return `usage: postman-ims-auth <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun "postman-ims-auth <command> --help" for a command's options.`;
}

/**
 * The command and its checked arguments, or the help to print. Throws an ImsAuthError for an unknown
 * command, an unknown option, a missing value, or arguments the command's own check refuses (ERR_USAGE).
 */
export function parseCommandLine(commands: readonly Command[], argv: readonly string[]): Parsed {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    return { kind: "help", text: overview(commands), exitCode: name === undefined ? 1 : 0 };
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw usageError(`unknown command "${name}"\n\n${overview(commands)}`);
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: Boolean(command.positionals),
    }) as { values: OptionValues; positionals: string[] };
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) throw usageError((error as Error).message);
    throw error;
  }
  if (parsed.values.help) return { kind: "help", text: `usage: ${command.usage}`, exitCode: 0 };
  command.check?.(parsed.values, parsed.positionals);
  return { kind: "run", command, values: parsed.values, positionals: parsed.positionals };
}
