// A v3 collection seen as the v2.1 JSON that inject already knows how to change: folders, requests, their auth and
// scripts, each tagged with the file it came from. inject's own decisions (which requests inherit our auth, where our
// blocks go, what an earlier injection left) then apply to v3 unchanged, and the changed scripts map back to files.

import { ImsAuthError } from "../../core/errors.js";
import { isObject as isRecord, type Json } from "../../inputs/collection-input.js";
import { DEFINITION, requestName, type V3File, type V3Folder } from "../../inputs/postman-v3-folder.js";

/** Where a projected node's scripts live: a definition or request file (undefined: a folder without a definition). */
export interface ProjectedNode {
  readonly file: V3File | undefined;
  /** Where its definition is written when it has none yet. */
  readonly path: string;
  /** "http:" in definitions, "" in requests: Postman's script types at each level. */
  readonly scope: "http:" | "";
  /** Its `scripts:` entries' codes, by their index in the list (entries of other protocols left out). */
  readonly codes: ReadonlyMap<number, string>;
}

/** The key that ties a projected event to its `scripts:` entry, and a node to its file. */
export const ENTRY = "__v3Entry";
export const NODE = "__v3Node";

const LISTEN: Record<string, "prerequest" | "test"> = { beforeRequest: "prerequest", afterResponse: "test" };
export const V3_TYPE: Record<"prerequest" | "test", string> = { prerequest: "beforeRequest", test: "afterResponse" };

/**
 * A v3 auth as v2.1 sees it: none or "inherit" inherits (undefined), noauth, or `{type, [type]: [{key, value}]}` from its
 * credentials (a list or a map). A multi-auth list of one entry without rules is that entry; more is `multi-auth`.
 */
export function v2Auth(auth: unknown): Json | undefined {
  if (auth === undefined || auth === null) return undefined;
  if (Array.isArray(auth))
    return auth.length === 1 && isRecord(auth[0]) && auth[0].rules === undefined ? v2Auth(auth[0]) : { type: "multi-auth" };
  if (!isRecord(auth)) return { type: String(auth) };
  const type = auth.type;
  if (type === undefined || type === "inherit") return undefined;
  if (type === "noauth") return { type: "noauth" };
  const { credentials } = auth;
  const entries = Array.isArray(credentials)
    ? credentials.filter(isRecord).map(({ key, value }) => ({ key, value }))
    : isRecord(credentials)
      ? Object.entries(credentials).map(([key, value]) => ({ key, value }))
      : [];
  return { type: String(type), [String(type)]: entries };
}

function eventsOf(file: V3File | undefined, scope: "http:" | ""): { events: Json[]; codes: Map<number, string> } {
  const codes = new Map<number, string>();
  const events: Json[] = [];
  const scripts = Array.isArray(file?.value.scripts) ? (file.value.scripts as unknown[]) : [];
  scripts.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const type = String(entry.type ?? "");
    const listen = type.startsWith(scope) ? LISTEN[type.slice(scope.length)] : undefined;
    if (listen === undefined) return;
    const code = typeof entry.code === "string" ? entry.code : "";
    codes.set(index, code);
    events.push({ listen, script: { type: "text/javascript", exec: code.split("\n") }, [ENTRY]: index });
  });
  return { events, codes };
}

export interface Projection {
  readonly collection: Json;
  /** By NODE tag: each node's file and original scripts. */
  readonly nodes: ReadonlyMap<number, ProjectedNode>;
}

/** The collection (but `skip`, our Authenticate folder) as v2.1 JSON; only HTTP requests, the ones our auth serves. */
export function project(tree: V3Folder, skip: string | undefined): Projection {
  const nodes = new Map<number, ProjectedNode>();
  const tag = (node: ProjectedNode, json: Json): Json => {
    nodes.set(nodes.size, node);
    return { ...json, [NODE]: nodes.size - 1 };
  };
  const folderJson = (folder: V3Folder): Json => {
    const { events, codes } = eventsOf(folder.definition, "http:");
    const path = folder.path === "" ? DEFINITION : `${folder.path}/${DEFINITION}`;
    const auth = v2Auth(folder.definition?.value.auth);
    const item = folder.items.flatMap(({ folder: child, request }): Json[] => {
      if (child) return child.path === skip ? [] : [folderJson(child)];
      if (request.value.$kind !== "http-request") return [];
      const own = eventsOf(request, "");
      const requestAuth = v2Auth(request.value.auth);
      return [
        tag(
          { file: request, path: request.path, scope: "", codes: own.codes },
          { name: requestName(request), request: requestAuth ? { auth: requestAuth } : {}, event: own.events },
        ),
      ];
    });
    return tag(
      { file: folder.definition, path, scope: "http:", codes },
      { name: folder.name, item, event: events, ...(auth ? { auth } : {}) },
    );
  };
  const collection = folderJson(tree);
  if (collection.auth !== undefined && (collection.auth as Json).type === "multi-auth") {
    const count = Array.isArray(tree.definition?.value.auth) ? tree.definition.value.auth.length : 0;
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${DEFINITION} of the collection holds ${count} auth configurations (or rules choosing between them): inject would replace them ` +
        "all with Bearer {{ACCESS_TOKEN}}. Keep one (or none) in Postman, then inject again.",
    );
  }
  return { collection: { info: { name: tree.name }, ...collection }, nodes };
}
