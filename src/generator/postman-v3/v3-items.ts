// Our v2.1 collection JSON as Postman's v3 files (collections schema 3.0.0): one value a file, in the shapes
// `postman collection migrate` writes, so that the v3 folder is the v2.1 collection, request for request.

import { stableId } from "../collection/ids.js";

/** A v2.1 item or collection, as much of it as we emit (anything else stops the conversion). */
export interface V2Node {
  readonly id?: string;
  readonly name?: string;
  readonly info?: { readonly _postman_id?: string; readonly name?: string; readonly description?: unknown };
  readonly description?: unknown;
  readonly item?: readonly V2Node[];
  readonly event?: readonly V2Event[];
  readonly request?: V2Request;
  readonly auth?: V2Auth;
  readonly variable?: readonly { key: string; value: string; description?: unknown }[];
}

interface V2Event {
  readonly listen: string;
  readonly script?: { readonly exec?: readonly string[] | string };
}

interface V2Request {
  readonly method: string;
  readonly url: { readonly raw?: string } | string;
  readonly header?: readonly { key: string; value: string }[];
  readonly body?: { readonly mode: string; readonly urlencoded?: readonly { key: string; value: string; description?: unknown }[] };
  readonly auth?: V2Auth;
}

interface V2Auth {
  readonly type: string;
  readonly [type: string]: unknown;
}

/** A v3 script entry: `http:…` types at collection and folder level, bare ones in a request (as Postman writes them). */
export interface V3Script {
  type: string;
  code: string;
  language: "text/javascript";
}

/** Postman's order values: spaced by 1000, so that an insertion between two needs no renumbering. */
export const orderOf = (index: number): number => (index + 1) * 1000;

/** A name as a file or folder stem: Postman's rule, each of / \ : * ? " < > | becomes -. */
export const v3FileStem = (name: string): string => name.replace(/[\\/:*?"<>|]/g, "-");

const text = (description: unknown): string | undefined => {
  const value = typeof description === "object" && description !== null ? (description as { content?: unknown }).content : description;
  return typeof value === "string" && value !== "" ? value : undefined;
};

const codeOf = (event: V2Event): string => {
  const exec = event.script?.exec ?? [];
  return typeof exec === "string" ? exec : exec.join("\n");
};

const LISTENERS: Record<string, string> = { prerequest: "beforeRequest", test: "afterResponse" };

/** Events as v3 scripts; `scope` "http:" for a collection or folder, "" for a request. */
export function v3Scripts(events: readonly V2Event[] | undefined, scope: "http:" | ""): V3Script[] {
  return (events ?? []).map((event) => {
    const type = LISTENERS[event.listen];
    if (type === undefined) throw unsupported(`a "${event.listen}" script`);
    return { type: `${scope}${type}`, code: codeOf(event), language: "text/javascript" };
  });
}

/** The v2.1 auth as v3: a request's own auth as one object; `credentials` from the type's key-value list. */
function v3Auth(auth: V2Auth): Record<string, unknown> {
  if (auth.type === "noauth") return { type: "noauth" };
  const entries = auth[auth.type];
  if (!Array.isArray(entries)) throw unsupported(`an auth of type ${auth.type}`);
  const credentials = Object.fromEntries((entries as { key: string; value: unknown }[]).map(({ key, value }) => [key, value]));
  return { type: auth.type, credentials };
}

/** A multi-auth entry's fields in migrate's order: type, name ("bearer auth"), credentials. */
const withName = ({ type, ...rest }: Record<string, unknown>) => ({ type, name: `${String(type)} auth`, ...rest });

/** The collection's definition.yaml: a collection's auth is a list (Postman's multi-auth form), its entry a stable id. */
export function v3CollectionDefinition(collection: V2Node): Record<string, unknown> {
  const { auth, variable } = collection;
  const scripts = v3Scripts(collection.event, "http:");
  return {
    $kind: "collection",
    id: collection.info?._postman_id,
    name: collection.info?.name,
    ...optional("description", text(collection.info?.description)),
    ...(variable?.length
      ? {
          variables: variable.map(({ key, value, description }) => ({ key, value, ...optional("description", text(description)) })),
        }
      : {}),
    ...(scripts.length > 0 ? { scripts } : {}),
    ...(auth ? { auth: [{ id: stableId("collection/auth"), ...withName(v3Auth(auth)) }] } : {}),
  };
}

/** A folder's definition.yaml ($kind collection too); its name only when the folder's name on disk differs. */
export function v3FolderDefinition(folder: V2Node, order: number, stem = v3FileStem(folder.name ?? "")): Record<string, unknown> {
  const scripts = v3Scripts(folder.event, "http:");
  return {
    $kind: "collection",
    ...optional("id", folder.id),
    ...(folder.name !== stem ? { name: folder.name } : {}),
    ...optional("description", text(folder.description)),
    ...(scripts.length > 0 ? { scripts } : {}),
    ...(folder.auth ? { auth: v3Auth(folder.auth) } : {}),
    order,
  };
}

/** A request's .request.yaml; headers as a map, as migrate writes them when none repeats. */
export function v3Request(item: V2Node, index: number): Record<string, unknown> {
  const request = item.request;
  if (request === undefined) throw unsupported(`"${item.name}", which is neither a request nor a folder`);
  const url = typeof request.url === "string" ? request.url : request.url.raw;
  const headers = request.header ?? [];
  if (new Set(headers.map(({ key }) => key.toLowerCase())).size !== headers.length) throw unsupported("a repeated header");
  const scripts = v3Scripts(item.event, "");
  return {
    $kind: "http-request",
    ...optional("id", item.id),
    ...(item.name !== v3FileStem(item.name ?? "") ? { name: item.name } : {}),
    ...optional("description", text(item.description)),
    url,
    method: request.method,
    ...(headers.length > 0 ? { headers: Object.fromEntries(headers.map(({ key, value }) => [key, value])) } : {}),
    ...(request.body ? { body: v3Body(request.body) } : {}),
    ...(request.auth ? { auth: v3Auth(request.auth) } : {}),
    ...(scripts.length > 0 ? { scripts } : {}),
    order: orderOf(index),
  };
}

function v3Body(body: NonNullable<V2Request["body"]>): Record<string, unknown> {
  if (body.mode !== "urlencoded" || body.urlencoded === undefined) throw unsupported(`a ${body.mode} body`);
  return {
    type: "urlencoded",
    content: body.urlencoded.map(({ key, value, description }) => ({ key, value, ...optional("description", text(description)) })),
  };
}

/** Relative path → value: a folder's definition and its requests' files (paths relative to the folder). */
export function v3FolderFiles(folder: V2Node, order: number, stem = v3FileStem(folder.name ?? "")): Map<string, unknown> {
  const files = new Map<string, unknown>([[".resources/definition.yaml", v3FolderDefinition(folder, order, stem)]]);
  (folder.item ?? []).forEach((item, position) => {
    if (item.item !== undefined) throw unsupported(`folder "${item.name}" inside a folder`);
    files.set(`${v3FileStem(item.name ?? "")}.request.yaml`, v3Request(item, position));
  });
  return files;
}

function optional<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [key in K]: string });
}

/** Something our definitions do not hold (a change to them the v3 writer does not know yet): a bug, caught by the tests. */
function unsupported(what: string): Error {
  return new Error(`postman-ims-auth's v3 writer has no form for ${what}`);
}
