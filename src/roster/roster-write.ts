// Writes the students' environment files, all or none: every target is checked before the first write.

import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ImsAuthError } from "../core/errors.js";
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
  const existing = options.force ? [] : targets.filter((target) => existsSync(target));
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
  mkdirSync(dir, { recursive: true });
  const created: string[] = [];
  try {
    for (const entry of entries) {
      const target = join(dir, entry.file);
      const isNew = !existsSync(target);
      // Same layout as the committed templates (write.ts), which this module does not import: that
      // would load the collection SDK. "wx" refuses a file that appeared since the check above.
      writeFileSync(target, `${JSON.stringify(entry.environment, null, 2)}\n`, { mode: 0o600, flag: options.force ? "w" : "wx" });
      if (isNew) created.push(target);
    }
  } catch (error) {
    for (const target of created) rmSync(target, { force: true });
    throw error;
  }
  return targets;
}
