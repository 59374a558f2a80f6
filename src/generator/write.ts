// Writes the generated collection and environment templates (what `npm run build` commits).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCollection, COLLECTION_FILE } from "./collection.js";
import { toJsonText } from "./environment-file.js";
import { buildEnvironment, TEMPLATES } from "./environments.js";

// Kept here too for callers that know them from this module; they live apart so that reading and
// writing environments does not load the collection SDK.
export { toJsonText, writeEnvironmentFile } from "./environment-file.js";

/** File name → JSON text, exactly as committed (two-space indent, final newline). */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(join("collections", COLLECTION_FILE), toJsonText(buildCollection()));
  for (const template of TEMPLATES) files.set(join("environments", template.file), toJsonText(buildEnvironment(template)));
  return files;
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
