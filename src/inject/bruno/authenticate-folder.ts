// The Authenticate folder in a user's Bruno collection: ours found again by its mark, a folder of theirs of that name left alone.

import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { authenticateFolder, type FlowOption } from "../../generator/collection/collection.js";
import type { BrunoFormat } from "./format.js";

export const FOLDER_MARK = "(Added by postman-ims-auth inject: running inject again replaces this folder.)";
const NAME = "Authenticate";
/** Our scripts' header: a file of our folder that carries it is ours, and goes when a rerun no longer writes it. */
const OUR_HEADER = "/*! postman-ims-auth ";

export interface OurFolder {
  /** The folder's name (a directory at the collection's root). */
  readonly name: string;
  /** Path relative to the collection → text. */
  readonly files: Map<string, string>;
  /** Files of an earlier injection that this one does not write (another --flows). */
  readonly stale: string[];
}

/** Ours if there is one; else Authenticate, or Authenticate (Adobe IMS) when the user has a folder of that name. */
export function ourFolder(root: string, format: BrunoFormat, flows: readonly FlowOption[]): OurFolder {
  const name = findOurs(root, format) ?? freeName(root);
  const definition = authenticateFolder(flows);
  const files = new Map<string, string>();
  const description = `${definition.description ?? ""} ${FOLDER_MARK}`.trim();
  for (const [relative, text] of format.folderFiles({ ...definition, name }, description)) files.set(join(name, relative), text);
  const stale = existingFiles(root, name).filter(
    (path) => !files.has(path) && path.endsWith(format.ext) && readFileSync(join(root, path), "utf8").includes(OUR_HEADER),
  );
  return { name, files, stale };
}

/** The folder whose folder file carries our mark (written on one line in both formats). */
function findOurs(root: string, format: BrunoFormat): string | undefined {
  return readdirSync(root)
    .sort()
    .find((name) => {
      const file = join(root, name, format.folderFile);
      return isDirectory(join(root, name)) && isFile(file) && readFileSync(file, "utf8").includes(FOLDER_MARK);
    });
}

function freeName(root: string): string {
  for (let index = 1; ; index++) {
    const name = index === 1 ? NAME : index === 2 ? `${NAME} (Adobe IMS)` : `${NAME} (Adobe IMS ${index - 1})`;
    if (!existsSync(join(root, name))) return name;
  }
}

function existingFiles(root: string, name: string): string[] {
  if (!isDirectory(join(root, name))) return [];
  return readdirSync(join(root, name))
    .map((entry) => join(name, entry))
    .filter((path) => isFile(join(root, path)));
}

const isDirectory = (path: string): boolean => existsSync(path) && lstatSync(path).isDirectory();
const isFile = (path: string): boolean => existsSync(path) && lstatSync(path).isFile();
