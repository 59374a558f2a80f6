// Which files the doctor checks: the files named, and in a directory the environments and credentials it holds (others skipped, with a note).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isAemCredentials } from "../token/credentials.js";

/** Files a directory holds that may be credentials: *.json and .env files; subdirectories are not entered. */
const CANDIDATE = /\.(json|env)$/i;

export interface Skipped {
  readonly file: string;
  /** What the file is instead, in words. */
  readonly why: string;
}

export interface DoctorFiles {
  readonly files: string[];
  readonly skipped: Skipped[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What a JSON file found in a directory is, when it is plainly not an environment or credentials
 * (a collection, package.json): undefined means check it, which includes JSON that does not parse
 * (a damaged environment is worth a row).
 */
function notCredentials(file: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
  if (!isObject(data)) return "JSON that is not an object";
  if (Array.isArray(data.values) || isAemCredentials(data)) return undefined;
  if (isObject(data.info) && ("item" in data || "requests" in data)) return "a Postman collection";
  if (Array.isArray(data.requests) && Array.isArray(data.order)) return "a Postman collection";
  if (typeof data.name === "string" && ("version" in data || "dependencies" in data || "scripts" in data)) return "an npm package file";
  return "neither a Postman environment nor AEM service credentials";
}

/** Files named are all checked (a path that does not exist too: its row says so); a directory gives its candidates, sorted. */
export function doctorFiles(paths: readonly string[]): DoctorFiles {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  for (const path of paths) {
    let directory = false;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      // Missing: its row says so.
    }
    if (!directory) {
      files.push(path);
      continue;
    }
    const entries = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile() && CANDIDATE.test(entry.name))
      .map((entry) => join(path, entry.name))
      .sort();
    for (const file of entries) {
      const why = /\.json$/i.test(file) ? notCredentials(file) : undefined;
      if (why === undefined) files.push(file);
      else skipped.push({ file, why });
    }
  }
  return { files, skipped };
}
