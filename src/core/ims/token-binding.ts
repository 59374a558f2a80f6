// Which credential a stored ACCESS_TOKEN belongs to: a tag of the token and of the credential's identity, stored beside it.

import { sha256Hex } from "../crypto/sha256.js";
import type { VariableSource } from "../config/variables.js";

export const BINDING_VARIABLE = "ACCESS_TOKEN_BINDING";

/**
 * What decides which token IMS issues, none of it secret: the flow, the host, the client, what is asked for,
 * and for JWT the organization and technical account. A rotated client secret or a new key for the same
 * credential leaves the token valid: not here. The one secret read, a user's REFRESH_TOKEN, enters only as a tag.
 */
const IDENTITY = ["AUTH_FLOW", "IMS", "API_KEY", "SCOPES", "META_SCOPE", "IMS_ORG", "TECHNICAL_ACCOUNT_ID"] as const;

/** How a 401 left the token: renewed because of one (a second 401 is not the token's fault), or kept after that. */
export type AfterUnauthorized = "" | "renewed" | "kept";

export interface Binding {
  readonly token: string;
  readonly credential: string;
  readonly after401: AfterUnauthorized;
}

function text(source: VariableSource, name: string): string {
  const value = source(name);
  return value === undefined || value === null ? "" : String(value).trim();
}

/** 64 bits of a SHA-256: tells tokens and credentials apart, says nothing about either. */
function tag(value: string): string {
  return sha256Hex(value).slice(0, 16);
}

/**
 * A user's sign-in adds which REFRESH_TOKEN the token came from (its tag, never the token): another user's, or
 * a new one pasted by hand, asks IMS again. The binding is stored after the rotated refresh token IMS returns,
 * so our own rotation keeps the token bound. Empty for the other flows, whose tags stay as they were.
 */
export function credentialTag(source: VariableSource): string {
  const parts = IDENTITY.map((name) => text(source, name));
  const refresh = text(source, "REFRESH_TOKEN");
  if (refresh !== "") parts.push(tag(refresh));
  return tag(parts.join("\u0000"));
}

export function tokenTag(token: string): string {
  return tag(token.trim());
}

/** The value stored in ACCESS_TOKEN_BINDING for this token and these variables. */
export function bindingValue(token: string, source: VariableSource, after401: AfterUnauthorized = ""): string {
  const value = `${tokenTag(token)}.${credentialTag(source)}`;
  return after401 === "" ? value : `${value}.${after401}`;
}

export function readBinding(value: unknown): Binding | undefined {
  if (typeof value !== "string") return undefined;
  const [token = "", credential = "", after401 = ""] = value.trim().split(".");
  if (token === "" || credential === "") return undefined;
  return { token, credential, after401: after401 === "renewed" || after401 === "kept" ? after401 : "" };
}

/**
 * The per-request question, after the expiry: was the stored token obtained for the credential these variables
 * hold now? Anything else (another credential, a token someone else stored, no binding yet) is for the engine.
 */
export function storedTokenIsBound(source: VariableSource): boolean {
  const token = source("ACCESS_TOKEN");
  const binding = readBinding(source(BINDING_VARIABLE));
  return (
    binding !== undefined && typeof token === "string" && binding.token === tokenTag(token) && binding.credential === credentialTag(source)
  );
}
