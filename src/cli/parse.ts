// Parsing a command line without running it: main.ts uses it, and so can a check of the commands written in CI recipes.

import { parseArgs } from "node:util";
import { usageError, type Command, type OptionValues } from "./command.js";

export type Parsed =
  | { readonly kind: "help"; readonly text: string; readonly exitCode: number }
  | { readonly kind: "version" }
  | { readonly kind: "run"; readonly command: Command; readonly values: OptionValues; readonly positionals: string[] };

export function overview(commands: readonly Command[]): string {
  const lines = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return (
    `usage: postman-ims-auth <command> [options]\n\ncommands:\n${lines.join("\n")}\n\n` +
    `Run "postman-ims-auth help <command>" (or <command> --help) for a command's options; --version prints the version.`
  );
}

/** A command's help: its usage line, what it does (its summary, as a sentence), then its options. */
export function commandHelp(command: Command): string {
  const [first, ...rest] = command.usage.split("\n");
  const sentence = `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}${command.summary.endsWith(".") ? "" : "."}`;
  return [`usage: ${first}`, "", sentence, ...rest].join("\n");
}

const findCommand = (commands: readonly Command[], name: string) => {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw usageError(`unknown command "${name}"\n\n${overview(commands)}`);
  return command;
};

/**
 * The command and its checked arguments, or the help to print. Throws an ImsAuthError for an unknown
 * command, an unknown option, a missing value, or arguments the command's own check refuses (ERR_USAGE).
 */
export function parseCommandLine(commands: readonly Command[], argv: readonly string[]): Parsed {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") return { kind: "version" };
  if (name === "help" && rest[0] !== undefined) return { kind: "help", text: commandHelp(findCommand(commands, rest[0])), exitCode: 0 };
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    return { kind: "help", text: overview(commands), exitCode: name === undefined ? 1 : 0 };
  }
  const command = findCommand(commands, name);
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
  if (parsed.values.help) return { kind: "help", text: commandHelp(command), exitCode: 0 };
  command.check?.(parsed.values, parsed.positionals);
  return { kind: "run", command, values: parsed.values, positionals: parsed.positionals };
}
