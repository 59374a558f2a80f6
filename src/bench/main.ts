#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --out FILE] [-- --dev-loop [--with-test]] [-- --bruno]`: runs the benchmark, prints its tables and writes them as JSON.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FULL, QUICK, runBench } from "./bench.js";
import { runBrunoBench } from "./bruno.js";
import { runDevLoop } from "./dev-loop.js";
import { formatResults } from "./table.js";

const DEFAULT_OUT = ".bench/results.json";

async function main(): Promise<number> {
  let values: { quick?: boolean; out?: string; help?: boolean; "dev-loop"?: boolean; "with-test"?: boolean; bruno?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: "boolean" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
        "dev-loop": { type: "boolean" },
        "with-test": { type: "boolean" },
        bruno: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(
      "Usage: npm run bench [-- --quick] [-- --out FILE] [-- --dev-loop [--with-test]] [-- --bruno]\n\n" +
        "Runs the collection against a local IMS emulator in Newman and postman-runtime, prints the tables\n" +
        `and writes them as JSON to FILE (default ${DEFAULT_OUT}). --quick: a few requests, one round (CI smoke).\n` +
        "--dev-loop: times the edit-run loop instead (compile, a second npm start; --with-test adds npm test).\n" +
        "--bruno: what auto-auth costs per request in bru run, both sandboxes (needs npm run test:bruno once).\n",
    );
    return 0;
  }
  if (values.bruno) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const options = values.quick ? { requests: 5, rounds: 1 } : { requests: 50, rounds: 5 };
    process.stdout.write(`${await runBrunoBench(options, log)}\n`);
    return 0;
  }
  if (values["dev-loop"]) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    process.stdout.write(`${await runDevLoop({ rounds: values.quick ? 1 : 5, withTest: values["with-test"] === true }, log)}\n`);
    return 0;
  }
  const out = resolve(values.out ?? DEFAULT_OUT);
  const results = await runBench(values.quick ? QUICK : FULL, (line) => process.stderr.write(`${line}\n`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n\nWritten to ${out}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
