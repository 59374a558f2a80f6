// `npm run typecheck`: the three TypeScript projects (the sandbox code with no Node types, the build config, the
// rest) checked at once, one tsc each, incrementally: tsc keeps what it learnt in node_modules/.cache, so a second
// check after an edit re-reads only what the edit can affect. The output is tsc's own, one project after another.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const PROJECTS = ["tsconfig.sandbox.json", "tsconfig.rollup.json", "tsconfig.json"];
const cache = join("node_modules", ".cache", "postman-ims-auth", "tsc");
mkdirSync(cache, { recursive: true });
const tsc = join("node_modules", "typescript", "bin", "tsc");

const runs = PROJECTS.map(
  (project) =>
    new Promise((resolve) => {
      const info = join(cache, project.replace(/\.json$/, ".tsbuildinfo"));
      const child = spawn(
        process.execPath,
        [tsc, "-p", project, "--incremental", "--tsBuildInfoFile", info, "--pretty", String(process.stderr.isTTY === true)],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("error", (error) => resolve({ project, code: 1, output: error.message }));
      child.on("close", (code) => resolve({ project, code: code ?? 1, output }));
    }),
);

let failed = false;
for (const { project, code, output } of await Promise.all(runs)) {
  if (code !== 0) {
    failed = true;
    process.stderr.write(`typecheck: ${project}\n${output}`);
  }
}
process.exit(failed ? 1 : 0);
