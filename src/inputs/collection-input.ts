// Reading a Postman collection to change: Collection v2.1 JSON (inject converts v2.0 and v1 to it first); anything else is refused with the reason.

import { ImsAuthError } from "../core/errors.js";

export type Json = Record<string, unknown>;

const V21 = /\/json\/collection\/v2\.1\.\d+\/collection\.json$/;
const EXPORT_AGAIN = "In Postman: the collection's ⋯ menu → Export → Collection v2.1, then use that file.";

/** The collection as JSON, after checks that what we walk has the v2.1 shape. Nothing of the file is quoted back but names. */
export function readCollection(text: string, file: string): Json {
  return checkCollection(parseCollectionText(text, file), file);
}

/** The file's JSON, not yet checked: what inject looks at to convert an older format first. */
export function parseCollectionText(text: string, file: string): unknown {
  return parse(text.replace(/^\uFEFF/, ""), file);
}

/** The checks of readCollection, on parsed JSON. */
export function checkCollection(data: unknown, file: string): Json {
  if (!isObject(data)) throw refuse(`${file}: is not a Postman collection: it holds ${kind(data)}, not an object. ${EXPORT_AGAIN}`);
  if (Array.isArray(data.values) && !("item" in data)) throw refuse(`${file}: is a Postman environment, not a collection. ${EXPORT_AGAIN}`);
  if (isObject(data.collection) && !("item" in data)) {
    throw refuse(
      `${file}: is a Postman API response that wraps the collection in "collection": save that member alone, or ${EXPORT_AGAIN}`,
    );
  }
  if (Array.isArray(data.requests) || Array.isArray(data.order)) {
    throw refuse(
      `${file}: looks like a Postman Collection v1 export, but lacks its "requests" and "order" lists, so it cannot be converted. ${EXPORT_AGAIN}`,
    );
  }
  if (!isObject(data.info)) throw refuse(`${file}: has no "info" object, so it is not a Postman Collection v2.1 export. ${EXPORT_AGAIN}`);
  const schema = data.info.schema;
  if (typeof schema !== "string" || !V21.test(schema)) {
    const version = typeof schema === "string" ? /\/collection\/(v[\d.]+)\//.exec(schema)?.[1] : undefined;
    const what = version
      ? `a Collection ${version} export (info.schema)`
      : typeof schema === "string"
        ? `not a v2.1 collection: info.schema is "${schema.slice(0, 120)}"`
        : "not a v2.1 collection: it has no info.schema";
    throw refuse(`${file}: is ${what}; v2.1, v2.0 and v1 are read. ${EXPORT_AGAIN}`);
  }
  if (typeof data.info.name !== "string") throw refuse(`${file}: info.name is missing: every collection has a name. ${EXPORT_AGAIN}`);
  if (!Array.isArray(data.item)) throw refuse(`${file}: has no "item" list, so it is not a v2.1 collection. ${EXPORT_AGAIN}`);
  checkEvents(data.event, "the collection", file);
  checkAuth(data.auth, "the collection", file);
  checkItems(data.item, "item", [], file);
  return data;
}

function checkItems(items: unknown[], path: string, names: string[], file: string): void {
  items.forEach((item, index) => {
    const here = `${path}[${index}]`;
    if (!isObject(item)) throw refuse(`${file}: ${here} is ${kind(item)}, not a request or a folder.`);
    const label = `${here} (${[...names, String(item.name ?? "unnamed")].join(" / ")})`;
    if ("item" in item) {
      if (!Array.isArray(item.item)) throw refuse(`${file}: ${label} is a folder whose "item" is ${kind(item.item)}, not a list.`);
      checkItems(item.item, `${here}.item`, [...names, String(item.name ?? "")], file);
    } else if (!isObject(item.request) && typeof item.request !== "string") {
      throw refuse(`${file}: ${label} has neither "request" nor "item": every entry must be a request or a folder.`);
    } else if (isObject(item.request)) {
      checkAuth(item.request.auth, label, file);
    }
    checkEvents(item.event, label, file);
    checkAuth(item.auth, label, file);
  });
}

function checkEvents(events: unknown, where: string, file: string): void {
  if (events === undefined) return;
  if (!Array.isArray(events)) throw refuse(`${file}: the "event" of ${where} is ${kind(events)}, not a list.`);
  events.forEach((event, index) => {
    if (!isObject(event) || typeof event.listen !== "string")
      throw refuse(`${file}: event[${index}] of ${where} is not an event (it needs "listen").`);
    if (event.script !== undefined && !isObject(event.script))
      throw refuse(`${file}: event[${index}] of ${where} has a "script" that is ${kind(event.script)}, not an object.`);
  });
}

function checkAuth(auth: unknown, where: string, file: string): void {
  if (auth === undefined || auth === null) return;
  if (!isObject(auth) || typeof auth.type !== "string")
    throw refuse(`${file}: the "auth" of ${where} is not an auth object (it needs "type").`);
}

function parse(text: string, file: string): unknown {
  if (text.trim() === "") throw refuse(`${file}: is empty, not a Postman collection. ${EXPORT_AGAIN}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only the position: newer Node versions quote the text near the error, which may hold a secret.
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    let where = "";
    if (position !== undefined) {
      const lines = text.slice(0, Number(position)).split("\n");
      where = ` (line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1})`;
    }
    throw refuse(`${file}: is not JSON${where}, so not a Postman collection. ${EXPORT_AGAIN}`);
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function refuse(message: string): ImsAuthError {
  return new ImsAuthError("ERR_INPUT_FILE", message);
}
