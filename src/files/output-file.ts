// Writing output files: whole or not at all, owner-only when they hold secrets, never over a file by surprise.
// Kept free of the collection SDK, so that commands that only read or write environments start fast.
//
// One rule for every command: the folders an output needs are made when missing (like mkdir -p); an
// existing file is replaced only when forced; forcing replaces only a regular file, never a symbolic
// link, a folder or a device. Anything in the way is ERR_OUTPUT_PATH, naming the path.

import { lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ImsAuthError } from "../core/errors.js";

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const code = (error: unknown): string => String((error as { code?: unknown }).code ?? "an error");

function pathError(path: string, problem: string, fix: string): ImsAuthError {
  return new ImsAuthError("ERR_OUTPUT_PATH", `${path} ${problem}; nothing was written. ${fix}.`);
}

const ELSEWHERE = "Choose another place, or rename that file";
const PERMISSION = ["cannot be written: permission denied", "Choose a folder you may write in"] as const;

/** What a system error says about a path we were to write, in words; the path is named, nothing else. */
function writeFailure(path: string, error: unknown): ImsAuthError {
  const why: Record<string, readonly [string, string]> = {
    ENOTDIR: ["cannot be made: part of its path is a file, not a folder", ELSEWHERE],
    EEXIST: ["is a file, not a folder", ELSEWHERE],
    EACCES: PERMISSION,
    EPERM: PERMISSION,
    EROFS: ["cannot be written: the file system is read-only", "Choose another place"],
    ENOSPC: ["cannot be written: the disk is full", "Make room, or choose another place"],
    EISDIR: ["is a folder, not a file", "Name a file inside it"],
  };
  const [problem, fix] = why[code(error)] ?? [`cannot be written (${code(error)})`, "Check the path"];
  return pathError(path, problem, fix);
}

/** Makes the folder and its parents when missing; a file in the way is ERR_OUTPUT_PATH. */
export function makeOutputFolder(dir: string, mode?: number): void {
  try {
    mkdirSync(dir, { recursive: true, ...(mode === undefined ? {} : { mode }) });
  } catch (error) {
    throw writeFailure(dir, error);
  }
}

/**
 * Refuses an output path before anything is written: an existing file unless `force` (ERR_OUTPUT_EXISTS),
 * and, forced or not, anything that is not a regular file: a link, a folder, a device (ERR_OUTPUT_PATH).
 */
export function checkOutputFile(file: string, force = false): void {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw writeFailure(file, error);
  }
  if (stats.isSymbolicLink())
    throw pathError(
      file,
      "is a symbolic link, and only a regular file is ever replaced (--force included)",
      "Delete the link, or choose another name",
    );
  if (stats.isDirectory()) throw pathError(file, "is a folder, not a file", "Name a file inside it");
  if (!stats.isFile())
    throw pathError(
      file,
      "is not a regular file (a device, pipe or socket), and only a regular file is ever replaced",
      "Choose another name",
    );
  if (!force) {
    throw new ImsAuthError(
      "ERR_OUTPUT_EXISTS",
      `${file} already exists; nothing was written. Choose another file name, delete it, or overwrite it with force (--force).`,
    );
  }
}

/** Of several outputs, those that exist as regular files (none when forced); anything else in the way throws. */
export function existingOutputFiles(files: readonly string[], force = false): string[] {
  return files.filter((file) => {
    try {
      checkOutputFile(file, force);
      return false;
    } catch (error) {
      if ((error as { code?: string }).code !== "ERR_OUTPUT_EXISTS") throw error;
      return true;
    }
  });
}

/** A folder to write into: missing (it will be made) or a folder (a link to one is fine); a file there is ERR_OUTPUT_PATH. */
export function checkOutputFolder(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw pathError(dir, "is a file, not a folder", ELSEWHERE);
  } catch (error) {
    if (code(error) !== "ENOENT") throw error instanceof ImsAuthError ? error : writeFailure(dir, error);
  }
}

/**
 * Written beside the target, then renamed over it: a reader never sees half a file, a failure leaves
 * the old one, and a link in the way is replaced, never written through. Missing folders are made.
 */
export function writeFileAtomically(file: string, text: string | Uint8Array, mode = 0o644): void {
  makeOutputFolder(dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // "wx": a temporary name someone else holds is not written through either.
    writeFileSync(temporary, text, { mode, flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeFailure(file, error);
  }
}

/** For files that hold secrets: mode 0600. */
export function writeOwnerOnlyFile(file: string, text: string): void {
  writeFileAtomically(file, text, 0o600);
}

/** A filled-in environment (two-space JSON, final newline): it holds secrets, so owner-only. */
export function writeEnvironmentFile(file: string, env: object): void {
  writeOwnerOnlyFile(file, toJsonText(env));
}
