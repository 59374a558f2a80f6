// Records which error and warning codes the tests see produced (a vitest setup file): a passing assertion whose
// expectation names a code and whose subject carries it (an error's code, or `CODE: message` in a run's failure or
// a command's output). Naming a code elsewhere (a table never asserted on, a comment, a README) records nothing.
// test/unit/error-codes.test.ts, run after every other test file (vitest.config.ts), checks each code was recorded.

import { appendFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chai, expect } from "vitest";
import { CODES_DIR_VARIABLE, ERROR_CODES_FILE } from "../suites.js";

const CODE = /\b(?:ERR|WARN)_[A-Z0-9_]*[A-Z0-9]/g;
const ONLY_CODE = /^(?:ERR|WARN)_[A-Z0-9_]*[A-Z0-9]$/;
const PRINTED = /\b((?:ERR|WARN)_[A-Z0-9_]*[A-Z0-9]): /g;
/** Matchers that compare a subject with an expectation (the others cannot tie a code to what was produced). */
const MATCHERS = ["toBe", "toEqual", "toStrictEqual", "toMatchObject", "toMatch", "toContain", "toContainEqual", "toHaveProperty"];
const THROW_MATCHERS = ["toThrow", "toThrowError"];
const WRAPPED = Symbol.for("postman-ims-auth.produced-codes");

/** The codes an expectation names: in strings, regular expressions, objects, arrays, matchers' samples. */
export function codesNamed(value: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value === "string") {
    for (const match of value.matchAll(CODE)) found.add(match[0]);
  } else if (value instanceof RegExp) {
    codesNamed(value.source, found, seen);
  } else if (value !== null && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    // Asymmetric matchers (expect.objectContaining, expect.stringMatching) keep what they match in `sample`.
    for (const part of Object.values(value)) codesNamed(part, found, seen);
  }
  return found;
}

/**
 * The codes a subject carries as produced: an object's (an error's, a problem's, a warning's) `code`, a code read
 * from one (a string that is just the code), or a code in the form the project prints it, `CODE: message` (a
 * command's output, a run's failure, an error's message). A text that merely names a code (a README table, a
 * script's source) carries none.
 */
export function codesCarried(value: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value === "string") {
    if (ONLY_CODE.test(value)) found.add(value);
    for (const match of value.matchAll(PRINTED)) found.add(match[1]!);
  } else if (value !== null && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    if (value instanceof Error) for (const part of [value.message, value.cause]) codesCarried(part, found, seen);
    for (const part of Object.values(value)) codesCarried(part, found, seen);
  }
  return found;
}

const directory = process.env[CODES_DIR_VARIABLE];
const root = fileURLToPath(new URL("../..", import.meta.url));
const recorded = new Set<string>();

function record(codes: Iterable<string>): void {
  const testPath = expect.getState().testPath;
  if (directory === undefined || testPath === undefined) return;
  const file = relative(root, testPath);
  // The check names every code, and the recorder's own test makes up its subjects.
  if (file === ERROR_CODES_FILE || file === "test/unit/produced-codes.test.ts") return;
  const lines = [...codes].filter((code) => !recorded.has(`${file}\t${code}`));
  if (lines.length === 0) return;
  for (const code of lines) recorded.add(`${file}\t${code}`);
  appendFileSync(recordFile(file), lines.map((code) => `${file}\t${code}\n`).join(""));
}

function recordFile(file: string): string {
  return join(directory!, `${createHash("sha256").update(file).digest("hex").slice(0, 16)}.tsv`);
}

/** Marks this test file as run (with no code yet), so the check knows whether the whole suite ran. */
function markRun(): void {
  const testPath = expect.getState().testPath;
  if (directory === undefined || testPath === undefined) return;
  mkdirSync(directory, { recursive: true });
  const file = relative(root, testPath);
  appendFileSync(recordFile(file), `${file}\t\n`);
}

markRun();

type Assertion = Chai.AssertionStatic["prototype"];
const prototype = chai.Assertion.prototype as Assertion & { [WRAPPED]?: true };
if (prototype[WRAPPED] === undefined) {
  prototype[WRAPPED] = true;
  for (const name of [...MATCHERS, ...THROW_MATCHERS]) {
    chai.util.overwriteMethod(prototype, name, (original: (...args: unknown[]) => unknown) => {
      return function (this: Assertion, ...args: unknown[]) {
        const result = original.apply(this, args);
        // Reached only when the assertion passed.
        if (chai.util.flag(this, "negate")) return result;
        const named = codesNamed(args);
        if (named.size === 0) return result;
        const subject: unknown = chai.util.flag(this, "object");
        // A function expected to throw is not the thrown error: there the passing matcher checked what it threw.
        const direct = THROW_MATCHERS.includes(name) && typeof subject === "function";
        const carried = direct ? named : codesCarried(subject);
        record([...named].filter((code) => carried.has(code)));
        return result;
      };
    });
  }
}
