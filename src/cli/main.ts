#!/usr/bin/env node
// Command-line entry: maps arguments to one library call each; prints `error: …` and exits 1 on expected failures.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { ImsAuthError } from "../core/errors.js";
import { ImsEmulator } from "../emulator/ims-emulator.js";
import { makeThrowawayCredential } from "../emulator/integration.js";
import { writeGenerated } from "../generator/write.js";
import { runDemo } from "../runner/demo.js";

class UsageError extends Error {}

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>): Promise<number>;
}

const commands: Record<string, Command> = {
  generate: {
    summary: "write the collection and environment templates",
    usage: "postman-ims-auth generate [--out DIR]\n\n  --out DIR   directory to write collections/ and environments/ into (default: .)",
    options: { out: { type: "string", default: "." } },
    async run(values) {
      const written = writeGenerated(String(values.out));
      console.log(`wrote ${written.length} files: ${written.join(", ")}`);
      return 0;
    },
  },
  demo: {
    summary: "run the collection with Newman against a local IMS emulator (what npm start does)",
    usage: "postman-ims-auth demo",
    options: {},
    async run() {
      const result = await runDemo();
      return result.passed ? 0 : 1;
    },
  },
  emulator: {
    summary: "start a local IMS emulator with a throwaway credential and print how to use it",
    usage: "postman-ims-auth emulator [--port N]\n\n  --port N   port on 127.0.0.1 (default: any free port)",
    options: { port: { type: "string" } },
    async run(values) {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${String(values.port)}"`);
      const credential = makeThrowawayCredential();
      const emulator = await ImsEmulator.start({ integrations: [credential.integration], port });
      console.log(`IMS emulator listening on https://${emulator.host} (Ctrl-C stops it)`);
      console.log(`IMS=${emulator.host}  API_KEY=${credential.integration.clientId}  IMS_ORG=${credential.integration.orgId}`);
      console.log("Its certificate (trust it with newman --ssl-extra-ca-certs FILE):");
      console.log(emulator.caCertificatePem.trim());
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      await emulator.close();
      return 0;
    },
  },
};

function help(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `usage: postman-ims-auth <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun "postman-ims-auth <command> --help" for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`error: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  try {
    const { values } = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: false });
    if (values.help) {
      console.log(`usage: ${command.usage}`);
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>);
  } catch (error) {
    if (error instanceof ImsAuthError) console.error(`error: ${error.code}: ${error.message}`);
    else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n\nusage: ${command.usage}`);
    } else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
