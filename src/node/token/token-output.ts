// How the `token` command prints a token: JSON with its expiry, a shell export line, an HTTP header line, or runner options.

import { ImsAuthError } from "../../core/errors.js";
import type { AccessToken } from "./get-access-token.js";

export const TOKEN_FORMATS = ["json", "env", "header", "env-var"] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

/** Single quotes unless the value is plainly safe in a shell word (IMS tokens are: base64url and dots). */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._~+/=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `--env-var` options for Newman and the Postman CLI (which has no --export-environment), expanded unquoted
 * into later runs' command lines: the token and its expiry, and AUTH_FLOW=token, so that those runs use it as
 * it is (both Authenticate requests skipped with a note) and need no secret. Word splitting leaves the words
 * whole only when they are plain: IMS tokens are base64url and dots.
 */
function runnerOptions(token: AccessToken): string {
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(token.accessToken)) {
    throw new ImsAuthError(
      "ERR_INVALID_VARIABLE",
      "ACCESS_TOKEN holds characters a command line would split or quote: use --format json.",
      "ACCESS_TOKEN",
    );
  }
  const values: Array<[string, string]> = [["ACCESS_TOKEN", token.accessToken]];
  if (token.expiresAt !== undefined) values.push(["ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt)]);
  values.push(["AUTH_FLOW", "token"]);
  return values.map(([key, value]) => `--env-var ${key}=${value}`).join(" ");
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
  if (format === "env-var") return runnerOptions(token);
  if (format === "env") return `export ${shellVariableName(name)}=${shellWord(token.accessToken)}`;
  const expiresAtIso = token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString();
  return JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt ?? null, expiresAtIso, flow: token.flow });
}
