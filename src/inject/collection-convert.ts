// Older Postman collection formats made v2.1 with postman-collection-transformer (what Newman reads them with).
//
// v2.0 differs from v2.1 in how auth parameters are written (an object, not a list of key/value
// pairs): the transformer's own mapping converts each auth. Its whole-collection path from v2.0
// goes through v1 and back, which drops a request's "No Auth" (the request would then send the
// token) and gives every item a random id, so it is not used. v1 converts directly, and is refused
// when the conversion would lose a request.

import { createRequire } from "node:module";
import { ImsAuthError } from "../core/errors.js";
import { stableId } from "../generator/collection/ids.js";
import { checkCollection, parseCollectionText, type Json } from "../inputs/collection-input.js";

interface Transformer {
  convert(collection: unknown, options: Json, callback: (error: Error | null, result?: Json) => void): void;
  util: { authMapToArray(entity: { auth: unknown }): unknown };
}

/** Loaded when a collection needs it: most commands never do. */
const transformer = (): Transformer => createRequire(import.meta.url)("postman-collection-transformer") as Transformer;

export const V21_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const V20 = /\/json\/collection\/v2\.0\.\d+\/collection\.json$/;
const EXPORT_AGAIN = "Import it into Postman, then ⋯ → Export → Collection v2.1, and use that file.";

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export type CollectionFormat = "v1" | "v2.0";

/** The format to convert from, or undefined for anything else (v2.1, or not a collection: the reader says). */
export function olderFormat(data: unknown): CollectionFormat | undefined {
  if (!isObject(data)) return undefined;
  if (Array.isArray(data.requests) && Array.isArray(data.order) && !("item" in data)) return "v1";
  return isObject(data.info) && typeof data.info.schema === "string" && V20.test(data.info.schema) ? "v2.0" : undefined;
}

export interface ReadCollection {
  readonly collection: Json;
  /** The format the file was in, when it was converted to v2.1. */
  readonly convertedFrom?: CollectionFormat;
}

/** The collection as checked v2.1 JSON, converted first when it is a v2.0 or v1 export. */
export function readAnyCollection(text: string, file: string): ReadCollection {
  const parsed = parseCollectionText(text, file);
  const format = olderFormat(parsed);
  if (format === undefined) return { collection: checkCollection(parsed, file) };
  return { collection: checkCollection(toV21(parsed as Json, format, file, text), file), convertedFrom: format };
}

/** The collection as v2.1; throws ERR_INPUT_FILE with the reason when converting would lose something. */
export function toV21(data: Json, format: CollectionFormat, file: string, inputText: string): Json {
  return format === "v2.0" ? fromV20(data) : fromV1(data, file, inputText);
}

function fromV20(data: Json): Json {
  const { util } = transformer();
  const collection = structuredClone(data);
  const convert = (holder: Json): void => {
    // Only auth written the v2.0 way; a list is already v2.1's form.
    if (isObject(holder.auth) && typeof holder.auth.type === "string" && !Array.isArray(holder.auth[holder.auth.type]))
      holder.auth = util.authMapToArray({ auth: holder.auth });
  };
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items.filter(isObject)) {
      convert(item);
      if (isObject(item.request)) convert(item.request);
      if (Array.isArray(item.response))
        for (const response of item.response.filter(isObject)) if (isObject(response.originalRequest)) convert(response.originalRequest);
      walk(item.item);
    }
  };
  convert(collection);
  walk(collection.item);
  (collection.info as Json).schema = V21_SCHEMA;
  return collection;
}

function fromV1(data: Json, file: string, inputText: string): Json {
  let converted: Json | undefined;
  let failure: Error | null = null;
  // Synchronous, despite the callback.
  transformer().convert(data, { inputVersion: "1.0.0", outputVersion: "2.1.0", retainIds: true }, (error, result) => {
    failure = error;
    converted = result;
  });
  if (failure || !converted) {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file}: is a Postman Collection v1 export that cannot be converted to v2.1 (${(failure as Error | null)?.name ?? "no result"}). ${EXPORT_AGAIN}`,
    );
  }
  const kept = new Set(leafIds(converted.item));
  const lost = (data.requests as unknown[]).filter(isObject).filter((request) => !kept.has(String(request.id)));
  if (lost.length > 0) {
    const names = lost
      .slice(0, 5)
      .map((request) => `"${String(request.name ?? request.id)}"`)
      .join(", ");
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file}: is a Postman Collection v1 export, and converting it to v2.1 would drop ${lost.length === 1 ? "1 request" : `${lost.length} requests`} that no folder or order lists (${names}${lost.length > 5 ? ", …" : ""}). ${EXPORT_AGAIN}`,
    );
  }
  return withStableIds(converted, inputText) as Json;
}

function leafIds(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.filter(isObject).flatMap((item) => (Array.isArray(item.item) ? leafIds(item.item) : [String(item.id)]));
}

/** The transformer makes random ids for what had none: named after their place instead, so that converting twice gives the same file. */
function withStableIds(value: unknown, inputText: string, path = "v1"): unknown {
  if (Array.isArray(value)) return value.map((entry, index) => withStableIds(entry, inputText, `${path}/${index}`));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      const made = (key === "id" || key === "_postman_id") && typeof entry === "string" && !inputText.includes(`"${entry}"`);
      return [key, made ? stableId(`${path}/${key}`) : withStableIds(entry, inputText, `${path}/${key}`)];
    }),
  );
}
