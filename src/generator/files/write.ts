// Writes the generated collection and environment templates (what `npm run build` commits).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCollection, COLLECTION_FILE, COLLECTION_FLOWS, type CollectionOptions } from "../collection/collection.js";
import { toJsonText } from "./output-file.js";
import { buildEnvironment, TEMPLATES } from "../environment/environments.js";
import { safeFileStem } from "./safe-file-name.js";

export { refuseToOverwrite, toJsonText, writeEnvironmentFile, writeFileAtomically } from "./output-file.js";

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
    if (template.flows.some((flow) => flows.includes(flow)))
      files.set(join("environments", template.file), toJsonText(buildEnvironment(template)));
  }
  return files;
}

/** "My Workshop" → my-workshop.postman_collection.json; the default name keeps the committed file's name. */
export function collectionFileName(name: string | undefined): string {
  const stem = name === undefined ? "" : safeFileStem(name).toLowerCase();
  return stem === "" ? COLLECTION_FILE : `${stem}.postman_collection.json`;
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

/** `generate --target bruno`: the Bruno collection folder (collections/bruno/adobe-ims/ in this repository). */
export async function writeBrunoGenerated(root: string, options: CollectionOptions = {}): Promise<string[]> {
  const { brunoFiles, BRUNO_DIR } = await import("../bruno/bruno-collection.js");
  const written: string[] = [];
  for (const [relative, text] of brunoFiles(options.flows ?? COLLECTION_FLOWS, options.name)) {
    const file = join(root, BRUNO_DIR, relative);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    written.push(join(BRUNO_DIR, relative));
  }
  return written;
}
