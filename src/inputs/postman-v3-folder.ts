// A Postman v3 collection folder (Postman v12's format for Git) read as a tree: definitions, folders and request
// files, each with its text and parsed value, in Postman's order. Nothing is changed; bad files are coded errors.

import { lstatSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { ImsAuthError } from "../core/errors.js";
import { readInputFile } from "./input-file.js";

/** One YAML file of the collection. */
export interface V3File {
  /** Relative to the collection's folder, with forward slashes. */
  readonly path: string;
  readonly text: string;
  /** Its top-level map, as plain values. */
  readonly value: Readonly<Record<string, unknown>>;
}

export interface V3Folder {
  /** Relative to the collection's folder ("" for the collection itself). */
  readonly path: string;
  /** The definition's name, else the folder's own name. */
  readonly name: string;
  /** .resources/definition.yaml, when there is one (it is optional). */
  readonly definition: V3File | undefined;
  /** Its folders and *.request.yaml files (of any $kind: http-request, graphql-request, …), in Postman's order. */
  readonly items: readonly V3Item[];
}

export type V3Item =
  | { readonly folder: V3Folder; readonly request?: undefined }
  | { readonly request: V3File; readonly folder?: undefined };

export const DEFINITION = ".resources/definition.yaml";
const REQUEST_FILE = /\.request\.ya?ml$/;
/** Folders that are not the collection's: its metadata, and what a repository holds besides. */
const SKIPPED = new Set([".resources", ".git", "node_modules"]);

const isDirectory = (path: string): boolean => {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
};
const isFile = (path: string): boolean => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

/** Whether a folder looks like a v3 collection: a definition, or request files in it or its folders. */
export function isV3CollectionFolder(dir: string): boolean {
  if (!isDirectory(dir)) return false;
  if (isFile(join(dir, DEFINITION))) return true;
  const look = (path: string, depth: number): boolean =>
    readdirSync(path).some((name) =>
      SKIPPED.has(name)
        ? false
        : REQUEST_FILE.test(name)
          ? isFile(join(path, name))
          : depth > 0 && isDirectory(join(path, name)) && look(join(path, name), depth - 1),
    );
  return look(dir, 3);
}

/** Refuses a folder that is not one collection, saying which folder to name instead. */
export function checkV3CollectionFolder(dir: string, what: string): void {
  if (!isDirectory(dir)) {
    const problem = isFile(dir) ? "is a file" : "does not exist";
    throw new ImsAuthError("ERR_INPUT_FILE", `${dir} (${what}) ${problem}: name a v3 collection's folder (postman/collections/NAME).`);
  }
  // A repository's root, or its postman/collections/: the folder of collections, not one of them.
  const parent = basename(dirname(resolve(dir))) === "postman" && basename(resolve(dir)) === "collections";
  const collections = parent ? dir : isDirectory(join(dir, "postman", "collections")) ? join(dir, "postman", "collections") : undefined;
  if (collections !== undefined && !isFile(join(dir, DEFINITION))) {
    const names = readdirSync(collections).filter((name) => !SKIPPED.has(name) && isDirectory(join(collections, name)));
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${dir} holds collections, not one: name one collection's folder (${names.length > 0 ? names.map((name) => join(collections, name)).join(", ") : `inside ${collections}`}).`,
    );
  }
  if (!isV3CollectionFolder(dir))
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${dir} is not a Postman v3 collection folder: it has no .resources/definition.yaml and no *.request.yaml. ` +
        "Name the collection's folder (in a repository: postman/collections/NAME), or export a v2.1 JSON file from Postman.",
    );
}

/** A v3 file's YAML document; a syntax error is ERR_INPUT_FILE naming the file and line. */
export function parseV3YamlDocument(text: string, file: string): ReturnType<typeof parseDocument> {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file}${line === undefined ? "" : `:${line}`} is not valid YAML (${error.code}): fix it (postman collection lint shows where), or save the collection again in Postman.`,
    );
  }
  return doc;
}

/** Parses one file's text: a syntax error, or a top level that is not a map, is ERR_INPUT_FILE naming the file and line. */
export function parseV3Yaml(text: string, file: string): Record<string, unknown> {
  const doc = parseV3YamlDocument(text, file);
  const value = doc.toJS() as unknown;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} is not a Postman v3 file: its top level is not a map of keys ($kind:, …).`);
  return value as Record<string, unknown>;
}

function readFile(root: string, path: string): V3File {
  const text = readInputFile(join(root, path), "a file of the v3 collection");
  return { path, text, value: parseV3Yaml(text, join(root, path)) };
}

const orderOf = (value: Readonly<Record<string, unknown>> | undefined): number =>
  typeof value?.order === "number" ? value.order : Number.POSITIVE_INFINITY;

/** The collection in `dir` as a tree, its items in Postman's order (by `order`). */
export function readV3Collection(dir: string, path = ""): V3Folder {
  const here = join(dir, path);
  const definitionPath = path === "" ? DEFINITION : `${path}/${DEFINITION}`;
  const definition = isFile(join(dir, definitionPath)) ? readFile(dir, definitionPath) : undefined;
  if (definition && definition.value.$kind !== "collection")
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${join(dir, definitionPath)} has $kind ${JSON.stringify(definition.value.$kind)}, where a collection's or folder's definition has $kind: collection.`,
    );
  const names = readdirSync(here).sort();
  const folders = names
    .filter((name) => !SKIPPED.has(name) && isDirectory(join(here, name)))
    .map((name) => readV3Collection(dir, path === "" ? name : `${path}/${name}`));
  const requests = names
    .filter((name) => REQUEST_FILE.test(name) && isFile(join(here, name)))
    .map((name) => readFile(dir, path === "" ? name : `${path}/${name}`));
  const items: { item: V3Item; order: number }[] = [
    ...folders.map((folder) => ({ item: { folder }, order: orderOf(folder.definition?.value) })),
    ...requests.map((request) => ({ item: { request }, order: orderOf(request.value) })),
  ];
  return {
    path,
    name: typeof definition?.value.name === "string" ? definition.value.name : path === "" ? basename(dir) : basename(path),
    definition,
    // Stable: equal orders (or none) keep folders first, then requests, each by name.
    items: items.sort((a, b) => a.order - b.order || 0).map(({ item }) => item),
  };
}

/** A request's name: its `name`, else its file's name without .request.yaml. */
export const requestName = (file: V3File): string =>
  typeof file.value.name === "string" ? file.value.name : basename(file.path).replace(REQUEST_FILE, "");
