#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --out FILE] [-- --dev-loop [--with-test]] [-- --bruno]`: runs the benchmark, prints its tables and writes them as JSON.
// A full run (no --quick, no --out) keeps its results in docs/figures and rewrites the tables the documentation quotes.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FULL, QUICK, runBench } from "./bench.js";
import { formatBrunoResults, runBrunoBench } from "./bruno.js";
import { runDevLoop } from "./dev-loop.js";
import { benchFile, brunoBenchFile, writeFigures } from "./doc-figures.js";
import { formatResults } from "./table.js";

/** Where a smoke run or an explicit --out goes; a full run's results are the documentation's (docs/figures). */
const SCRATCH_OUT = ".bench/results.json";

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The results written where the documentation reads them, and its pages' figures rewritten. */
function publish(file: string, value: unknown): string {
  writeJson(file, value);
  const pages = writeFigures();
  return `Written to ${file}${pages.length ? `; figures rewritten in ${pages.join(", ")}` : ""}`;
}

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
        "and writes them as JSON: a full run to docs/figures/bench.json, rewriting the tables docs/ quotes;\n" +
        `--out FILE or --quick to FILE (default ${SCRATCH_OUT}). --quick: a few requests, one round (CI smoke).\n` +
        "--dev-loop: times the edit-run loop instead (compile, a second npm start; --with-test adds npm test).\n" +
        "--bruno: what auto-auth costs per request in bru run, both sandboxes (needs npm run test:bruno once);\n" +
        "a full run keeps its results in docs/figures/bench-bruno.json.\n",
    );
    return 0;
  }
  if (values.bruno) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const options = values.quick ? { requests: 5, rounds: 1 } : { requests: 50, rounds: 5 };
    const results = await runBrunoBench(options, log);
    process.stdout.write(`${formatBrunoResults(results)}\n`);
    if (!values.quick) process.stderr.write(`${publish(brunoBenchFile(), results)}\n`);
    return 0;
  }
  if (values["dev-loop"]) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    process.stdout.write(`${await runDevLoop({ rounds: values.quick ? 1 : 5, withTest: values["with-test"] === true }, log)}\n`);
    return 0;
  }
  const results = await runBench(values.quick ? QUICK : FULL, (line) => process.stderr.write(`${line}\n`));
  let written: string;
  if (values.quick || values.out !== undefined) {
    const out = resolve(values.out ?? SCRATCH_OUT);
    writeJson(out, results);
    written = `Written to ${out}`;
  } else {
    written = publish(benchFile(), results);
  }
  process.stdout.write(`${formatResults(results)}\n\n${written}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
