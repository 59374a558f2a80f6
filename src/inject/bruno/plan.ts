// What `inject --target bruno` changes in an OpenCollection folder, worked out whole before anything is written.

import { join } from "node:path";
import { COLLECTION_FLOWS, type FlowOption } from "../../generator/collection/collection.js";
import { readInputFile } from "../../inputs/input-file.js";
import { ourFolder } from "./authenticate-folder.js";
import { injectCollectionRoot } from "./collection-root.js";
import { injectRequests } from "./request-files.js";
import { parseYamlFile, yamlText } from "./yaml-file.js";

export const COLLECTION_FILE = "opencollection.yml";

export interface BrunoPlan {
  /** Path relative to the collection → new text: the files that change or are added. */
  readonly changed: Map<string, string>;
  /** Files of an earlier injection to delete. */
  readonly removed: string[];
  /** The Authenticate folder's name. */
  readonly folder: string;
  readonly warnings: string[];
  readonly watched: number;
}

export function planInjection(root: string, flows: readonly FlowOption[] = COLLECTION_FLOWS): BrunoPlan {
  const original = readInputFile(join(root, COLLECTION_FILE), "the Bruno collection");
  const collection = parseYamlFile(original, COLLECTION_FILE);
  const warnings = injectCollectionRoot(collection);
  const changed = new Map<string, string>();
  const text = yamlText(collection);
  if (text !== original) changed.set(COLLECTION_FILE, text);

  const folder = ourFolder(root, flows);
  for (const [path, content] of folder.files) {
    if (readIfFile(join(root, path)) !== content) changed.set(path, content);
  }
  const requests = injectRequests(root, new Set([folder.name]));
  for (const [path, content] of requests.changed) changed.set(path, content);
  return {
    changed,
    removed: folder.stale,
    folder: folder.name,
    warnings: [...warnings, ...requests.warnings],
    watched: requests.watched,
  };
}

function readIfFile(path: string): string | undefined {
  try {
    return readInputFile(path, "");
  } catch {
    return undefined;
  }
}
