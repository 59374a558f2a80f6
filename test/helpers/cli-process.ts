// A long-running CLI command (the emulator) as a subprocess: its output line by line, waiting for a line, stopping it by signal.

import { type ChildProcess, spawn } from "node:child_process";
import { CLI } from "./cli.js";

export interface CliProcess {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** The first stdout line matching `pattern`; rejects when the process ends first, or after `timeoutMs`. */
  line(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code (or the signal's name) once it has ended. */
  exited(): Promise<number | string>;
}

/** Runs `node CLI …args` without a shell; NODE_EXTRA_CA_CERTS is not inherited, as in runCli. */
export function startCli(args: readonly string[], options: { cwd?: string } = {}): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, NODE_EXTRA_CA_CERTS: "" } });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const ended = new Promise<number | string>((resolve) => child.once("close", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: () => ended,
    line(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const find = () =>
          out
            .split("\n")
            .map((text) => text.match(pattern))
            .find((match) => match !== null);
        const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${out}\n${err}`)), timeoutMs);
        const check = () => {
          const match = find();
          if (match) done(undefined, match);
        };
        const onExit = () => {
          const match = find();
          done(
            match ? undefined : new Error(`the command ended before printing a line matching ${pattern}:\n${out}\n${err}`),
            match ?? undefined,
          );
        };
        function done(error: Error | undefined, match?: RegExpMatchArray) {
          clearTimeout(timer);
          child.stdout?.off("data", check);
          child.off("close", onExit);
          if (error) reject(error);
          else resolve(match!);
        }
        child.stdout?.on("data", check);
        child.once("close", onExit);
        check();
      });
    },
  };
}
