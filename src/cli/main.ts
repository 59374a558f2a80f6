#!/usr/bin/env node
// Command-line entry: maps arguments to one library call each; prints `error: …` and exits 1 on expected failures.

import { parseArgs } from "node:util";
import { isImsAuthError } from "../core/errors.js";
import { UsageError, type Command, type OptionValues } from "./command.js";
import { demo } from "./commands/demo.js";
import { doctor } from "./commands/doctor.js";
import { emulator } from "./commands/emulator.js";
import { generate } from "./commands/generate.js";
import { token } from "./commands/token.js";

/** One line a command. */
const COMMANDS: readonly Command[] = [generate, demo, emulator, token, doctor];

function help(): string {
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return `usage: postman-ims-auth <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun "postman-ims-auth <command> --help" for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`error: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: Boolean(command.positionals),
    });
    if (values.help) {
      console.log(`usage: ${command.usage}`);
      return 0;
    }
    return await command.run(values as OptionValues, positionals);
  } catch (error) {
    if (isImsAuthError(error)) console.error(`error: ${error.code}: ${error.message}`);
    else if (error instanceof UsageError || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n\nusage: ${command.usage}`);
    } else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
