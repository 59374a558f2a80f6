// Writes the generated collection and environment templates (what `npm run build` commits).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ImsAuthError } from "../../core/errors.js";
import { brunoFiles, brunoFolderName } from "../bruno/bruno-collection.js";
import { buildCollection, COLLECTION_FILE, COLLECTION_FLOWS, type CollectionOptions } from "../collection/collection.js";
import { checkOutputFile, checkOutputFolder, existingOutputFiles, toJsonText, writeFileAtomically } from "../../files/output-file.js";
import { buildEnvironment, TEMPLATES } from "../environment/environments.js";
import { safeFileStem } from "../../files/safe-file-name.js";
import { buildUserCollection, USER_COLLECTION_FILE } from "../collection/user-collection.js";

export { checkOutputFile, toJsonText, writeEnvironmentFile, writeFileAtomically } from "../../files/output-file.js";

/**
 * File name → JSON text, exactly as committed (two-space indent, final newline). With the default
 * options this is what `npm run build` commits; a chosen name also names the collection's file, and
 * chosen flows keep the environment templates that serve them.
 */
export function generatedFiles(options: CollectionOptions = {}): Map<string, string> {
  if (options.name !== undefined && options.name.trim() === "") {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      "the collection's name is empty: give it a name (--name NAME), or leave it out for the default, Adobe IMS.",
    );
  }
  const flows = options.flows ?? COLLECTION_FLOWS;
  const files = new Map<string, string>();
  const serviceFlows = flows.filter((flow) => flow !== "oauth-user");
  if (serviceFlows.length > 0)
    files.set(join("collections", collectionFileName(options.name)), toJsonText(buildCollection({ ...options, flows: serviceFlows })));
  // A user's sign-in has a collection of its own: its authorization is Postman's OAuth 2.0 sign-in.
  if (flows.includes("oauth-user")) {
    const file =
      options.name === undefined ? USER_COLLECTION_FILE : collectionFileName(`${options.name}${serviceFlows.length > 0 ? " user" : ""}`);
    files.set(join("collections", file), toJsonText(buildUserCollection(options.name)));
  }
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

export type WriteOptions = CollectionOptions & { readonly force?: boolean };

export interface Generated {
  /** Paths relative to the root, written now. */
  readonly written: string[];
  /** Paths that already held exactly this text, left alone. */
  readonly unchanged: string[];
}

/**
 * Writes the files under `root`, all or none. A file that already holds what would be written is
 * left alone; one that holds anything else (an environment an instructor filled in, a collection
 * changed in Postman) stops the whole write unless `force` (`npm run build` forces: it regenerates
 * the committed files). Forced or not, only regular files are replaced.
 */
export function writeGenerated(root: string, options: WriteOptions = {}): Generated {
  return writeAllOrNone(root, generatedFiles(options), options.force === true);
}

/** `generate --target bruno`: the Bruno collection folder DIR/adobe-ims/ (collections/bruno/ in this repository), by the same rules. */
export function writeBrunoGenerated(root: string, options: WriteOptions = {}): Generated {
  const files = new Map<string, string>();
  const folder = brunoFolderName(options.name);
  for (const [relative, text] of brunoFiles(options.flows ?? COLLECTION_FLOWS, options.name)) files.set(join(folder, relative), text);
  return writeAllOrNone(root, files, options.force === true);
}

/** Path under `root` → text, written by generate's rules: files already up to date left alone, others all or none. */
export function writeAllOrNone(root: string, generated: ReadonlyMap<string, string>, force: boolean): Generated {
  const files = [...generated].map(([relative, text]) => ({ relative, text, file: join(root, relative) }));
  const unchanged = files.filter(({ file, text }) => sameText(file, text));
  const changed = files.filter((entry) => !unchanged.includes(entry));
  checkOutputFolder(root);
  const differing = existingOutputFiles(changed.map(({ file }) => file));
  if (differing.length > 0 && !force) {
    const count = differing.length === 1 ? "1 file exists and differs" : `${differing.length} files exist and differ`;
    throw new ImsAuthError(
      "ERR_OUTPUT_EXISTS",
      [
        `${root}: ${count} from what generate writes (filled in, or changed since); nothing was written. Choose another folder (--out), move them away, or overwrite them with force (--force):`,
        ...differing.map((file) => `  ${file}`),
      ].join("\n"),
    );
  }
  for (const { file, text } of changed) writeFileAtomically(file, text);
  return { written: changed.map(({ relative }) => relative), unchanged: unchanged.map(({ relative }) => relative) };
}

/** Whether a regular file holds exactly `text` (a link or anything else is never "the same"). */
function sameText(file: string, text: string): boolean {
  try {
    checkOutputFile(file, true);
    return readFileSync(file, "utf8") === text;
  } catch {
    return false;
  }
}
