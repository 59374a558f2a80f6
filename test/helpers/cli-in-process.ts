// The CLI's main() run in the test's own process: the same arguments, exit code and stdout/stderr split as runCli,
// without starting Node (a third of a second of CPU each). For what a command does; runCli stays for what only a
// process shows: the exit status the shell sees, Node's own output, what is read when Node starts.

import { format } from "node:util";
import { main } from "../../src/cli/main.js";
import type { CliResult } from "./cli.js";

let queue: Promise<unknown> = Promise.resolve();

/** main(args) with console and process.stdout/stderr captured, in `cwd`, with `env` set; one at a time. */
export function runMain(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const run = queue.then(() => capture(args, options));
  queue = run.catch(() => undefined);
  return run;
}

type Method = "log" | "info" | "debug" | "warn" | "error";
const TO_STDOUT: Method[] = ["log", "info", "debug"];

async function capture(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  const out = { stdout: "", stderr: "" };
  const saved = {
    cwd: process.cwd(),
    env: Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]])),
    console: Object.fromEntries((["log", "info", "debug", "warn", "error"] as Method[]).map((name) => [name, console[name]])),
    stdout: process.stdout.write,
    stderr: process.stderr.write,
  };
  const writer = (stream: "stdout" | "stderr") =>
    ((chunk: string | Uint8Array) => {
      out[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stdout.write;
  try {
    if (options.cwd !== undefined) process.chdir(options.cwd);
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    for (const name of Object.keys(saved.console) as Method[]) {
      const stream = TO_STDOUT.includes(name) ? "stdout" : "stderr";
      console[name] = (...parts: unknown[]) => {
        out[stream] += `${format(...parts)}\n`;
      };
    }
    process.stdout.write = writer("stdout");
    process.stderr.write = writer("stderr");
    const code = await main([...args]);
    return { code, ...out };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    Object.assign(console, saved.console);
    for (const [key, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    process.chdir(saved.cwd);
  }
}
