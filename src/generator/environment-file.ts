// Writing filled-in environments and other files that hold secrets: owner-only, whole or not at all.

import { renameSync, rmSync, writeFileSync } from "node:fs";
import type { EnvironmentFile } from "./environments.js";

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes a filled-in environment (two-space JSON, final newline). It holds secrets, so the file is
 * owner-only (0600), and it appears whole or not at all: written beside the target, then renamed.
 */
export function writeEnvironmentFile(file: string, env: EnvironmentFile): void {
  writeOwnerOnlyFile(file, toJsonText(env));
}

/** For files that hold secrets: mode 0600, written beside the target, then renamed over it. */
export function writeOwnerOnlyFile(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
