// What an OpenCollection `auth:` says: inherit, none (the key absent), or an auth of its own; ours is Bearer {{ACCESS_TOKEN}}.

import { isNode } from "yaml";

export const OUR_AUTH = { type: "bearer", token: "{{ACCESS_TOKEN}}" } as const;

export type AuthMode = { readonly kind: "inherit" } | { readonly kind: "none" } | { readonly kind: "own"; readonly type: string };

/**
 * As Bruno reads it (filestore's toBrunoAuth): `inherit` inherits, a missing key is No Auth, a map is
 * its `type`. Its own Bearer {{ACCESS_TOKEN}} sends the collection's token, so it counts as inheriting.
 */
export function authMode(node: unknown): AuthMode {
  const value = isNode(node) ? node.toJSON() : node;
  if (value === undefined || value === null) return { kind: "none" };
  if (value === "inherit") return { kind: "inherit" };
  if (typeof value !== "object") return { kind: "own", type: String(value) };
  const { type, token } = value as { type?: unknown; token?: unknown };
  if (type === OUR_AUTH.type && token === OUR_AUTH.token) return { kind: "inherit" };
  if (type === "none" || type === undefined) return { kind: "none" };
  return { kind: "own", type: String(type) };
}

export function isOurAuth(node: unknown): boolean {
  const value = isNode(node) ? node.toJSON() : node;
  return typeof value === "object" && value !== null && JSON.stringify(value) === JSON.stringify(OUR_AUTH);
}

/** A folder's auth hides the collection's only when it is one of its own (Bruno's mergeAuth skips none and inherit). */
export function folderOverrides(mode: AuthMode): boolean {
  return mode.kind === "own";
}
