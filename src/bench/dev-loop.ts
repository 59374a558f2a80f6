// `npm run bench -- --dev-loop`: how long the edit-run loop takes — compile, a second `npm start`, `npm test`.

import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { packageRoot } from "../files/paths.js";
import { median, round } from "./stats.js";

export interface DevLoopOptions {
  readonly rounds: number;
  /** Also time `npm test` (minutes, so once). */
  readonly withTest: boolean;
}

/** Seconds from spawn until `until` appears on stdout (or the process ends), and its exit code. */
function timed(command: string, args: readonly string[], until?: string): Promise<{ seconds: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: packageRoot(), stdio: ["ignore", "pipe", "pipe"] });
    let mark: number | undefined;
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (until === undefined || mark !== undefined) return;
      seen = (seen + chunk.toString("utf8")).slice(-4096);
      if (seen.includes(until)) mark = Number(process.hrtime.bigint() - start) / 1e9;
    });
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: mark ?? Number(process.hrtime.bigint() - start) / 1e9, code }));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs each step `rounds` times (npm test once) and prints medians; a failed step fails the benchmark. */
export async function runDevLoop(options: DevLoopOptions, log: (line: string) => void): Promise<string> {
  const load = loadavg()[0]!.toFixed(2);
  const steps: Array<[string, () => Promise<{ seconds: number; code: number | null }>]> = [
    ["npm run compile -- --force (everything rebuilt)", () => timed(npm, ["run", "-s", "compile", "--", "--force"])],
    ["npm run compile (nothing changed)", () => timed(npm, ["run", "-s", "compile"])],
    // "Local IMS emulator on" is printed just before Newman runs the collection.
    ["npm start, second run: until Newman starts", () => timed(npm, ["start"], "Local IMS emulator on")],
    ["npm start, second run: whole", () => timed(npm, ["start"])],
  ];
  const rows: string[] = [];
  for (const [name, step] of steps) {
    const seconds: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const result = await step();
      if (result.code !== 0) throw new Error(`${name} exited ${result.code}`);
      seconds.push(result.seconds);
      log(`${name}: ${result.seconds.toFixed(2)} s`);
    }
    rows.push(`| ${name} | ${round(median(seconds))} | ${seconds.map((s) => s.toFixed(1)).join(", ")} |`);
  }
  if (options.withTest) {
    const result = await timed(npm, ["test"]);
    if (result.code !== 0) throw new Error(`npm test exited ${result.code}`);
    rows.push(`| npm test (once) | ${round(result.seconds, 1)} | ${result.seconds.toFixed(1)} |`);
  }
  return [
    `Dev loop: Node ${process.version}, ${cpus().length} CPUs, load ${load} → ${loadavg()[0]!.toFixed(2)}; medians of ${options.rounds} runs.`,
    "| step | median s | runs s |",
    "|------|----------|--------|",
    ...rows,
  ].join("\n");
}
