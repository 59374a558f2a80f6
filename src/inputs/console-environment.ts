// Reads a Postman environment file, such as Adobe Developer Console's "Download for Postman", into variables.

import { basename } from "node:path";
import { ImsAuthError } from "../core/errors.js";

export interface PostmanEnvironment {
  /** The environment's name (the Developer Console project), or the file's name when it has none. */
  readonly name: string;
  /** Enabled variables, keys exactly as in the file (the collection accepts Adobe's names). */
  readonly values: Map<string, string>;
}

/** Scope lists: Developer Console has written them as comma-separated text and as JSON arrays. */
const LIST_VARIABLES = new Set(["SCOPES", "META_SCOPE"]);

const HOW_TO_GET =
  'In Adobe Developer Console, open the project\'s credential and use "Download for Postman", or in Postman export the environment (⋯ → Export).';

/**
 * Enabled variables of a Postman environment export. Disabled entries are skipped, list values
 * of SCOPES and META_SCOPE become comma-separated text, everything else is kept as it is.
 * Throws ERR_INPUT_FILE naming the file and the entry; values are never quoted (they hold secrets).
 */
export function readPostmanEnvironment(text: string, file: string): PostmanEnvironment {
  const source = text.replace(/^\uFEFF/, "");
  const data = parseJson(source, file);
  if (!isRecord(data))
    throw fail(`${file}: is not a Postman environment: it holds ${kind(data)}, not an object with a "values" list. ${HOW_TO_GET}`);
  if (Array.isArray(data.item) && isRecord(data.info)) {
    throw fail(`${file}: is a Postman collection, not an environment. ${HOW_TO_GET}`);
  }
  if (!Array.isArray(data.values)) {
    throw fail(`${file}: has no "values" list, so it is not a Postman environment export. ${HOW_TO_GET}`);
  }
  const values = new Map<string, string>();
  const entryOf = new Map<string, number>();
  data.values.forEach((entry: unknown, index: number) => {
    const where = `values[${index}]`;
    if (!isRecord(entry))
      throw fail(`${file}: ${where} is ${kind(entry)}, not a variable ({"key": …, "value": …}). Fix or delete that entry.`);
    const { key } = entry;
    if (typeof key !== "string") {
      throw fail(
        `${file}: ${where} has ${key === undefined ? "no key" : `a key that is ${kind(key)}`}: every variable needs its name as text in "key". Fix or delete that entry.`,
      );
    }
    // Postman ignores disabled variables; so do we, including their duplicates.
    if (entry.enabled === false) return;
    const value = valueText(entry.value, key, `${file}: ${where}`);
    if (key === "") {
      if (value === "") return; // an empty row left in the table
      throw fail(`${file}: ${where} has a value but an empty key: give the variable its name, or delete the entry.`);
    }
    const earlier = entryOf.get(key);
    if (earlier !== undefined) {
      throw fail(
        `${file}: ${key} is set twice (${linesOf(source, key) ?? `values[${earlier}] and ${where}`}): delete one, or disable it.`,
        key,
      );
    }
    entryOf.set(key, index);
    values.set(key, value);
  });
  const name =
    typeof data.name === "string" && data.name.trim() !== "" ? data.name : basename(file).replace(/(\.postman_environment)?\.json$/i, "");
  return { name, values };
}

function valueText(value: unknown, key: string, where: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (LIST_VARIABLES.has(key)) {
    const list = typeof value === "string" && value.trim().startsWith("[") ? tryJson(value) : value;
    if (Array.isArray(list) && list.every((item) => typeof item === "string")) return list.join(",");
    if (typeof value === "string") return value;
    throw fail(`${where} (${key}) is ${kind(value)}: write ${key} as text ("a,b") or a list of text (["a","b"]).`, key);
  }
  if (typeof value === "string") return value;
  throw fail(`${where} (${key}) is ${kind(value)}, not text: write the value as text between double quotes.`, key);
}

function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    // V8's message may quote the text near the error, which may be a secret: keep only the position.
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    const where = position === undefined ? "" : `:${lineColumn(source, Number(position))}`;
    const start = source.trimStart();
    const why =
      start === ""
        ? "it is empty"
        : start.startsWith("{")
          ? "it is not valid JSON (cut short, or edited by hand?)"
          : "it is not JSON (it does not start with {)";
    throw fail(`${file}${where}: ${why}. ${HOW_TO_GET}`);
  }
}

function lineColumn(source: string, position: number): string {
  const before = source.slice(0, position).split(/\r\n|\r|\n/);
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** "lines 4 and 19", found by searching for the key as JSON writes it; undefined when unsure. */
function linesOf(source: string, key: string): string | undefined {
  const pattern = new RegExp(`"key"\\s*:\\s*${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g");
  const lines = [...source.matchAll(pattern)].map((match) => lineColumn(source, match.index ?? 0).split(":")[0]);
  return lines.length === 2 ? `lines ${lines[0]} and ${lines[1]}` : undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function fail(message: string, variable?: string): ImsAuthError {
  return new ImsAuthError("ERR_INPUT_FILE", message, variable);
}
