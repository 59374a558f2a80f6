// Every code in the ErrorCode union (and the doctor's warnings) is produced by some test and explained in a table of docs/troubleshooting.md.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/generator/files/paths.js";

const root = packageRoot();
const union = (file: string, type: string): string[] => {
  const text = readFileSync(join(root, file), "utf8");
  const body = new RegExp(`export type ${type} =([^;]+);`).exec(text)?.[1] ?? "";
  return [...body.matchAll(/"((?:ERR|WARN)_[A-Z_]+)"/g)].map((match) => match[1]!);
};
const CODES = [...union("src/core/errors.ts", "ErrorCode"), ...union("src/node/doctor-types.ts", "WarningCode")];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? testFiles(path)
      : path.endsWith(".test.ts") && !path.endsWith("error-codes.test.ts")
        ? [path]
        : [];
  });
}
const tests = testFiles(join(root, "test")).map((file) => readFileSync(file, "utf8"));
const troubleshooting = readFileSync(join(root, "docs", "troubleshooting.md"), "utf8");

describe("error codes", () => {
  it("are read from the union", () => {
    expect(CODES).toContain("ERR_USAGE");
    expect(CODES).toContain("WARN_TOKEN_EXPIRY_UNKNOWN");
    expect(CODES.length).toBeGreaterThan(20);
  });

  it.each(CODES)("%s is expected by some test (as the code a failure carries)", (code) => {
    // Quoted as a value ("CODE") or as the start of a printed message (CODE: …).
    expect(tests.some((text) => text.includes(`"${code}"`) || text.includes(`${code}:`))).toBe(true);
  });

  it.each(CODES)("%s has a row in a table of docs/troubleshooting.md", (code) => {
    expect(troubleshooting).toMatch(new RegExp(`^\\| \`${code}\` \\|`, "m"));
  });
});
