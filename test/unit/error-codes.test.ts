// Every code in the ErrorCode union (and the doctor's warnings) is produced by some test and explained in a table of docs/troubleshooting.md.
// "Produced": a passing assertion tied the code to what a test got back, an error's code or message, a run's failure,
// a command's output (test/helpers/produced-codes.ts records them); this file runs after all the others (vitest.config.ts).

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/files/paths.js";
import { CODES_DIR_VARIABLE, E2E_FILES, ERROR_CODES_FILE } from "../suites.js";

const root = packageRoot();
const union = (file: string, type: string): string[] => {
  const text = readFileSync(join(root, file), "utf8");
  const body = new RegExp(`export type ${type} =([^;]+);`).exec(text)?.[1] ?? "";
  return [...body.matchAll(/"((?:ERR|WARN)_[A-Z_]+)"/g)].map((match) => match[1]!);
};
const CODES = [...union("src/core/errors.ts", "ErrorCode"), ...union("src/node/doctor/doctor-types.ts", "WarningCode")];
const troubleshooting = readFileSync(join(root, "docs", "troubleshooting.md"), "utf8");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : path.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}
/** The files `npm test` runs before this one. */
const SUITE = testFiles(join(root, "test")).filter((file) => file !== ERROR_CODES_FILE && !E2E_FILES.includes(file));

/** What this run's files recorded: the files that ran, and for each code the files that produced it. */
function recorded(): { ran: Set<string>; producers: Map<string, string[]> } {
  const dir = process.env[CODES_DIR_VARIABLE];
  const ran = new Set<string>();
  const producers = new Map<string, string[]>();
  for (const name of dir && existsSync(dir) ? readdirSync(dir) : []) {
    for (const line of readFileSync(join(dir!, name), "utf8").split("\n")) {
      const [file, code] = line.split("\t");
      if (!file) continue;
      ran.add(file);
      if (code) producers.set(code, [...(producers.get(code) ?? []), file]);
    }
  }
  return { ran, producers };
}
const { ran, producers } = recorded();
const notRun = SUITE.filter((file) => !ran.has(file));

describe("error codes", () => {
  it("are read from the union", () => {
    expect(CODES).toContain("ERR_USAGE");
    expect(CODES).toContain("WARN_TOKEN_EXPIRY_UNKNOWN");
    expect(CODES.length).toBeGreaterThan(20);
  });

  // Only a run of the whole suite (npm test, npx vitest run) can tell; a run of some files skips these.
  describe.skipIf(notRun.length > 0)(`produced by the tests (the whole suite ran: ${notRun.length === 0})`, () => {
    it.each(CODES)("%s is produced by some test and asserted on", (code) => {
      expect(producers.get(code) ?? [], `no passing assertion saw ${code} in what a test got back`).not.toEqual([]);
    });
  });

  it.each(CODES)("%s has a row in a table of docs/troubleshooting.md", (code) => {
    expect(troubleshooting).toMatch(new RegExp(`^\\| \`${code}\` \\|`, "m"));
  });
});
