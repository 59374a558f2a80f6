// Writes the generated collection and environment templates (what `npm run build` commits).

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCollection, COLLECTION_FILE } from "./collection.js";
import { buildEnvironment, TEMPLATES, type EnvironmentFile } from "./environments.js";

/** File name → JSON text, exactly as committed (two-space indent, final newline). */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(join("collections", COLLECTION_FILE), toJsonText(buildCollection()));
  for (const template of TEMPLATES) files.set(join("environments", template.file), toJsonText(buildEnvironment(template)));
  return files;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function writeGenerated(root: string): string[] {
  const written: string[] = [];
  for (const [relative, text] of generatedFiles()) {
    const file = join(root, relative);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    written.push(relative);
  }
  return written;
}

/**
 * Writes a filled-in environment (two-space JSON, final newline). It holds secrets, so the file is
 * owner-only (0600), and it appears whole or not at all: written beside the target, then renamed.
 */
export function writeEnvironmentFile(file: string, env: EnvironmentFile): void {
  const text = toJsonText(env);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
