// Writes the generated collection and environment templates (what `npm run build` commits).

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ImsAuthError } from "../core/errors.js";
import { buildCollection, COLLECTION_FILE, COLLECTION_FLOWS, type CollectionOptions } from "./collection.js";
import { buildEnvironment, TEMPLATES, type EnvironmentFile } from "./environments.js";
import { safeFileStem } from "./safe-file-name.js";

/**
 * File name → JSON text, exactly as committed (two-space indent, final newline). With the default
 * options this is what `npm run build` commits; a chosen name also names the collection's file, and
 * chosen flows keep the environment templates that serve them.
 */
export function generatedFiles(options: CollectionOptions = {}): Map<string, string> {
  const flows = options.flows ?? COLLECTION_FLOWS;
  const files = new Map<string, string>();
  files.set(join("collections", collectionFileName(options.name)), toJsonText(buildCollection({ ...options, flows })));
  for (const template of TEMPLATES) {
    if (template.flows.some((flow) => flows.includes(flow))) files.set(join("environments", template.file), toJsonText(buildEnvironment(template)));
  }
  return files;
}

/** "My Workshop" → my-workshop.postman_collection.json; the default name keeps the committed file's name. */
export function collectionFileName(name: string | undefined): string {
  const stem = name === undefined ? "" : safeFileStem(name).toLowerCase();
  return stem === "" ? COLLECTION_FILE : `${stem}.postman_collection.json`;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function writeGenerated(root: string, options: CollectionOptions = {}): string[] {
  const written: string[] = [];
  for (const [relative, text] of generatedFiles(options)) {
    const file = join(root, relative);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    written.push(relative);
  }
  return written;
}

/**
 * Writes a filled-in environment (two-space JSON, final newline). It holds secrets, so the file is
 * owner-only (0600), and it appears whole or not at all.
 */
export function writeEnvironmentFile(file: string, env: EnvironmentFile): void {
  writeFileAtomically(file, toJsonText(env), 0o600);
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

/** Refuses to replace an existing file unless told to: an environment or a collection may hold work. */
export function refuseToOverwrite(file: string, force = false): void {
  if (force || !existsSync(file)) return;
  throw new ImsAuthError("ERR_OUTPUT_EXISTS", `${file} already exists; nothing was written. Choose another file name, delete it, or overwrite it with force (--force).`);
}
