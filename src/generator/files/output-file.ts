// Writing output files: whole or not at all, owner-only when they hold secrets, never over a file by surprise.
// Kept free of the collection SDK, so that commands that only read or write environments start fast.

import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { ImsAuthError } from "../../core/errors.js";
import type { EnvironmentFile } from "../environment/environments.js";

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Written beside the target, then renamed over it: a reader never sees half a file, a failure leaves the old one. */
export function writeFileAtomically(file: string, text: string, mode = 0o644): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** For files that hold secrets: mode 0600. */
export function writeOwnerOnlyFile(file: string, text: string): void {
  writeFileAtomically(file, text, 0o600);
}

/** A filled-in environment (two-space JSON, final newline): it holds secrets, so owner-only. */
export function writeEnvironmentFile(file: string, env: EnvironmentFile): void {
  writeOwnerOnlyFile(file, toJsonText(env));
}

/** Refuses to replace an existing file unless told to: an environment or a collection may hold work. */
export function refuseToOverwrite(file: string, force = false): void {
  if (force || !existsSync(file)) return;
  throw new ImsAuthError(
    "ERR_OUTPUT_EXISTS",
    `${file} already exists; nothing was written. Choose another file name, delete it, or overwrite it with force (--force).`,
  );
}
