// What `inject --target bruno` changes in a Bruno collection folder, worked out whole before anything is written.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { ImsAuthError } from "../../core/errors.js";
import { GENERATED_MARK } from "../../generator/bruno/bruno-collection.js";
import { COLLECTION_FLOWS, type FlowOption } from "../../generator/collection/collection.js";
import { readInputFile } from "../../inputs/input-file.js";
import { ourFolder } from "./authenticate-folder.js";
import type { BrunoFormat } from "./format.js";
import { injectRequests } from "./request-files.js";

export interface BrunoPlan {
  readonly format: BrunoFormat;
  /** Path relative to the collection → new text: the files that change or are added. */
  readonly changed: Map<string, string>;
  /** Files of an earlier injection to delete. */
  readonly removed: string[];
  /** The Authenticate folder's name. */
  readonly folder: string;
  readonly warnings: string[];
  readonly watched: number;
}

export function planInjection(root: string, format: BrunoFormat, flows: readonly FlowOption[] = COLLECTION_FLOWS): BrunoPlan {
  const changed = new Map<string, string>();
  const original = readIfFile(join(root, format.collectionFile));
  if (original?.includes(GENERATED_MARK))
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${root} was written by generate --target bruno and has Adobe IMS authentication already: nothing to inject. ` +
        "To bring its scripts up to date, run generate --target bruno again (--force replaces its files).",
    );
  const collection = format.collectionRoot(original, format.collectionFile);
  if (collection.text !== original) changed.set(format.collectionFile, collection.text);

  const folder = ourFolder(root, format, flows);
  for (const [path, content] of folder.files) {
    if (readIfFile(join(root, path)) !== content) changed.set(path, content);
  }
  const requests = injectRequests(root, format, new Set([folder.name]));
  for (const [path, content] of requests.changed) changed.set(path, content);
  return {
    format,
    changed,
    removed: folder.stale,
    folder: folder.name,
    warnings: [...collection.warnings, ...requests.warnings],
    watched: requests.watched,
  };
}

function readIfFile(path: string): string | undefined {
  return existsSync(path) ? readInputFile(path, "a file of the Bruno collection") : undefined;
}
