// Writes the students' environment files, all or none: every target is checked before the first write.

import { existsSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { ImsAuthError } from "../core/errors.js";
import { checkOutputFolder, existingOutputFiles, makeOutputFolder, writeEnvironmentFile } from "../files/output-file.js";
import type { EnvironmentFile } from "../generator/environment/environments.js";

export interface WriteRosterOptions {
  /** Overwrite files that already exist (by default, any existing target stops the whole write). */
  readonly force?: boolean;
}

/**
 * Writes each entry's environment as `dir/entry.file` and returns the paths written. The files
 * hold secrets, so they are made readable by their owner only. If a write fails part way, the
 * files this call created are removed again.
 */
export function writeRoster(
  entries: readonly { readonly file: string; readonly environment: EnvironmentFile }[],
  dir: string,
  options: WriteRosterOptions = {},
): string[] {
  const targets = entries.map((entry) => join(dir, entry.file));
  const seen = new Set<string>();
  for (const entry of entries) {
    // Entries normally come from readRoster; this guards against any other caller.
    if (entry.file !== basename(entry.file) || !/^[A-Za-z0-9][\w.-]*$/.test(entry.file)) {
      throw new Error(`writeRoster: ${JSON.stringify(entry.file)} is not a plain, safe file name`);
    }
    if (seen.has(entry.file.toLowerCase())) throw new Error(`writeRoster: two entries would both write ${entry.file}`);
    seen.add(entry.file.toLowerCase());
  }
  checkOutputFolder(dir);
  // A link or a folder in the way stops the write, forced or not.
  const existing = existingOutputFiles(targets, options.force);
  if (existing.length > 0) {
    const count = existing.length === 1 ? "1 file already exists" : `${existing.length} files already exist`;
    throw new ImsAuthError(
      "ERR_OUTPUT_EXISTS",
      [
        `${dir}: ${count}; nothing was written. Choose another directory, delete them, or overwrite them with force:`,
        ...existing.map((target) => `  ${target}`),
      ].join("\n"),
    );
  }
  makeOutputFolder(dir);
  const created: string[] = [];
  try {
    for (const entry of entries) {
      const target = join(dir, entry.file);
      const isNew = !existsSync(target);
      writeEnvironmentFile(target, entry.environment);
      if (isNew) created.push(target);
    }
  } catch (error) {
    for (const target of created) rmSync(target, { force: true });
    throw error;
  }
  return targets;
}
