#!/usr/bin/env node
// Command-line entry: maps arguments to one library call each; prints `error: CODE: message` and exits 1 on expected failures.

import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isImsAuthError } from "../core/errors.js";
import { packageVersion } from "../files/paths.js";
import type { Command } from "./command.js";
import { demo } from "./commands/demo.js";
import { doctor } from "./commands/doctor.js";
import { emulator } from "./commands/emulator.js";
import { env } from "./commands/env.js";
import { generate } from "./commands/generate.js";
import { inject } from "./commands/inject.js";
import { login } from "./commands/login.js";
import { roster } from "./commands/roster.js";
import { token } from "./commands/token.js";
import { verify } from "./commands/verify.js";
import { parseCommandLine } from "./parse.js";
import { unexpectedError } from "./unexpected.js";

/** One line a command. */
export const COMMANDS: readonly Command[] = [generate, env, roster, inject, token, login, doctor, verify, demo, emulator];

export async function main(argv: string[], commands: readonly Command[] = COMMANDS): Promise<number> {
  let command: Command | undefined;
  try {
    const parsed = parseCommandLine(commands, argv);
    if (parsed.kind === "version") {
      console.log(packageVersion());
      return 0;
    }
    if (parsed.kind === "help") {
      console.log(parsed.text);
      return parsed.exitCode;
    }
    command = parsed.command;
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (!isImsAuthError(error)) {
      console.error(unexpectedError(error, command?.name, process.env.DEBUG));
      return 1;
    }
    // A command line that cannot run as written gets the command's usage after the message.
    const usage = error.code === "ERR_USAGE" ? (command ?? commands.find((candidate) => candidate.name === argv[0]))?.usage : undefined;
    console.error(`error: ${error.code}: ${error.message}${usage ? `\n\nusage: ${usage}` : ""}`);
    return 1;
  }
}

/** Run only when executed (node main.js, or npm's bin link to it), not when imported to check command lines. */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main(process.argv.slice(2));
