// The benchmark's results as plain-text tables (GitHub Markdown): what `npm run bench` prints and what docs/benchmark.md quotes.

import type { BenchResults } from "./results.js";
import type { ScriptSize } from "./sizes.js";

export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === undefined ? "—" : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The run's machine and settings, one line. */
export function machineLine(results: BenchResults): string {
  const { settings, machine } = results;
  return (
    `Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.loadBefore} → ${machine.loadAfter}, ${results.durationSeconds} s. ` +
    `Medians of ${settings.rounds} interleaved rounds.`
  );
}

export function imsCallsTable(results: BenchResults): string {
  return [
    `IMS calls for ${results.settings.requests} sample-API requests (the generated collection's Platform request, repeated)`,
    table(
      ["runtime", "flow", "no token at start", "exported environment", "failures"],
      results.imsCalls.map((row) => [row.runtime, row.flow, row.fromEmpty, row.fromExported, row.failures]),
    ),
  ].join("\n");
}

export function perRequestTable(results: BenchResults): string {
  const { settings } = results;
  return [
    `Per request, valid token, ${settings.requests} requests (baseline: ${settings.adobeRequests} requests, ${settings.adobeRounds} rounds); overhead = extra ms per request over the same collection without any script`,
    table(
      [
        "runtime",
        "collection-level script",
        "ms/request",
        "overhead ms",
        "× no script",
        "× one-line overhead",
        "× one-line pair overhead",
        "IMS calls/run",
        "failures",
        "console warnings",
      ],
      results.perRequest.map((row) => [
        row.runtime,
        row.variant,
        row.msPerRequest.toFixed(1),
        row.overheadMs.toFixed(2),
        row.ratioToNone.toFixed(3),
        row.ratioToOneLine?.toFixed(2),
        row.ratioToPair?.toFixed(2),
        row.imsCallsPerRun,
        row.failures,
        row.consoleProblems,
      ]),
    ),
  ].join("\n");
}

export function signingTable(results: BenchResults): string {
  return [
    "Signing one RS256 JWT (2048-bit key) inside each runtime's sandbox, median per signature",
    table(
      ["runtime", "jsrsasign ms", "engine load ms", "key parse ms", "batches"],
      results.signing.map((row) => [row.runtime, row.jsrsasignMs, row.engineLoadMs, row.keyParseMs, row.samples]),
    ),
  ].join("\n");
}

export function sizesTable(sizes: readonly ScriptSize[]): string {
  return table(
    ["script", "bytes", "KB", "gzip bytes", "where it runs"],
    sizes.map((size) => [size.script, size.bytes, kb(size.bytes), size.gzipBytes, size.runs]),
  );
}

export function formatResults(results: BenchResults): string {
  const autoAuth = results.perRequest.find((row) => row.runtime === "newman" && row.variant === "auto-auth");
  const none = results.perRequest.find((row) => row.runtime === "newman" && row.variant === "none");
  const script = results.sizes.find((size) => size.script === "auto-auth");
  return [
    `postman-ims-auth benchmark${results.settings.quick ? " (--quick: smoke run, figures meaningless)" : ""}: ${machineLine(results)}`,
    "",
    imsCallsTable(results),
    "",
    perRequestTable(results),
    autoAuth && none
      ? `Newman, ${autoAuth.requests} requests: wall time with auto-auth ${((autoAuth.msPerRequest * autoAuth.requests) / 1000).toFixed(2)} s, ` +
        `with a static token and no script ${((none.msPerRequest * none.requests) / 1000).toFixed(2)} s: ratio ${autoAuth.ratioToNone.toFixed(3)}; ` +
        `the collection-level script is ${script?.bytes ?? "?"} bytes.`
      : "",
    "",
    signingTable(results),
    "",
    "Script sizes",
    sizesTable(results.sizes),
    "",
    "Goals",
    table(
      ["area", "goal", "reached", "met"],
      results.goals.map((goal) => [goal.area, goal.goal, goal.value, goal.met === undefined ? "—" : goal.met ? "yes" : "NO"]),
    ),
  ].join("\n");
}
