// Reading and checking one variable's value; every failure names the variable and says how to fix it.

import { ImsAuthError, isImsAuthError } from "./errors.js";
import { VARIABLES, type VariableName, type VariableSource } from "./variables.js";

/** A value still holding template text: an unresolved {{VAR}} or a <your value here> placeholder. */
const PLACEHOLDER = /^(\{\{[^}]*\}\}|<[^>]*>)$/;

function hint(name: string): string {
  const info = (VARIABLES as Record<string, { description: string } | undefined>)[name];
  return info ? ` ${name}: ${info.description}` : "";
}

/**
 * The trimmed value of a required variable. Secrets are never echoed back in messages.
 * Throws ERR_MISSING_VARIABLE when it is unset, empty or still a placeholder.
 */
export function requireValue(source: VariableSource, name: VariableName | string): string {
  const raw = source(name);
  const value = raw === undefined || raw === null ? "" : String(raw).trim();
  if (value === "") {
    throw new ImsAuthError(
      "ERR_MISSING_VARIABLE",
      `${name} is not set. Set it in your environment (or with --env-var ${name}=…).${hint(name)}`,
      name,
    );
  }
  if (PLACEHOLDER.test(value)) {
    throw new ImsAuthError(
      "ERR_MISSING_VARIABLE",
      `${name} is not filled in: it still holds the placeholder ${value}. Replace it with the real value.${hint(name)}`,
      name,
    );
  }
  return value;
}

/** A value pattern that, when not met, produces an actionable ERR_INVALID_VARIABLE. */
export function requireMatch(name: string, value: string, pattern: RegExp, expectation: string): string {
  if (!pattern.test(value)) {
    throw new ImsAuthError("ERR_INVALID_VARIABLE", `${name} is "${value}" but ${expectation}.${hint(name)}`, name);
  }
  return value;
}

/** Like requireMatch, for secrets: the message never contains the value. */
export function requireSecretShape(name: string, value: string, pattern: RegExp, expectation: string): string {
  if (!pattern.test(value)) {
    throw new ImsAuthError("ERR_INVALID_VARIABLE", `${name} ${expectation}.${hint(name)}`, name);
  }
  return value;
}

/**
 * IMS must be a bare host (and optional port). We refuse rather than silently fix, because the
 * request URL https://{{IMS}}/… uses the value as it is; the message suggests the corrected value.
 */
export function requireImsHost(source: VariableSource): string {
  return requireBareHost("IMS", requireValue(source, "IMS"), "ims-na1.adobelogin.com");
}

const BARE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** A host name (and optional port) with no scheme, path or trailing slash; `example` is suggested when no fix can be guessed. */
export function requireBareHost(name: string, value: string, example: string): string {
  if (BARE_HOST.test(value) && !value.startsWith(".") && !value.endsWith(".")) return value;
  const suggestion = value
    .replace(/^[a-z]+:\/\//i, "")
    .replace(/[/?#].*$/, "")
    .trim();
  const fix = BARE_HOST.test(suggestion) ? `set ${name} to "${suggestion}"` : `set ${name} to a host name such as "${example}"`;
  throw new ImsAuthError(
    "ERR_INVALID_VARIABLE",
    `${name} is "${value}" but must be a bare host name, without https://, a path or a trailing slash: ${fix}.`,
    name,
  );
}

/** The trimmed value, or "" when unset: for optional variables and flow choice. */
export function optionalValue(source: VariableSource, name: string): string {
  const raw = source(name);
  const value = raw === undefined || raw === null ? "" : String(raw).trim();
  return PLACEHOLDER.test(value) ? "" : value;
}

/** Run checks and gather every failure, so a student sees all problems at once. */
export function collect<T>(problems: ImsAuthError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (isImsAuthError(error)) {
      problems.push(error);
      return undefined;
    }
    throw error;
  }
}
