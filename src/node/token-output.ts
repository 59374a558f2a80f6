// How the `token` command prints a token: JSON with its expiry, a shell export line, or an HTTP header line.

import { ImsAuthError } from "../core/errors.js";
import type { AccessToken } from "./get-access-token.js";

export const TOKEN_FORMATS = ["json", "env", "header"] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

/** Single quotes unless the value is plainly safe in a shell word (IMS tokens are: base64url and dots). */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._~+/=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The format by name; checked before a token is asked for, so a typo costs no IMS call. */
export function tokenFormat(name: string): TokenFormat {
  if (TOKEN_FORMATS.includes(name as TokenFormat)) return name as TokenFormat;
  throw new ImsAuthError("ERR_INVALID_OPTION", `the token format must be ${TOKEN_FORMATS.join(", ")}, not "${name.slice(0, 40)}".`);
}

/** The variable of the env format: a shell variable name. */
export function shellVariableName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  throw new ImsAuthError(
    "ERR_INVALID_OPTION",
    `"${name.slice(0, 40)}" cannot be a shell variable name: use letters, digits and _ (not first a digit).`,
  );
}

/** One line (no newline at the end) for stdout. `name` is the variable of the env format. */
export function formatToken(token: AccessToken, format: TokenFormat, name = "ACCESS_TOKEN"): string {
  if (format === "header") return `Authorization: Bearer ${token.accessToken}`;
  if (format === "env") return `export ${shellVariableName(name)}=${shellWord(token.accessToken)}`;
  const expiresAtIso = token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString();
  return JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt ?? null, expiresAtIso, flow: token.flow });
}
