// Reading and checking one variable's value; every failure names the variable and says how to fix it.

import { ImsAuthError, isImsAuthError } from "../errors.js";
import { isSecretName, looksLikeSecret } from "./secret-names.js";
import { vaultKey, vaultUnavailable } from "./vault-reference.js";
import { VARIABLES, type VariableName, type VariableSource } from "./variables.js";

/** A whole value that is template text: {{VAR}} or <your value here>. Safe to quote back, even for a secret. */
const PLACEHOLDER = /^(\{\{[^}]*\}\}|<[^>]*>)$/;
/** Template text left in a value: an unresolved {{VAR}} anywhere, or the usual fillers of templates and docs. */
const TEMPLATE_TEXT =
  /\{\{[^{}]*\}\}|^(your|enter|insert|paste|put)[\s_-]|^(replace[\s_-]?me|change[\s_-]?me|todo|tbd|x{3,}|\.{3,}|\u2026)$/i;

/** True when a value is a placeholder or leftover template text, not a real value. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || TEMPLATE_TEXT.test(value);
}

/** Whether a value may be quoted back in a message: not secret-shaped (a PEM, a p8e- client secret, a JWT, long and random), short, one line. */
export function quotable(value: string): boolean {
  return value.length <= 120 && !/[\r\n]|-----BEGIN|^p8e-|^eyJ/.test(value) && !looksLikeSecret(value);
}

/** How a message names a value it may not quote: "holds a value that looks like a secret (not shown)" tells a student what went wrong. */
function unquoted(value: string): string {
  return looksLikeSecret(value) ? "holds a value that looks like a secret or key (not shown here), but it " : "has the wrong form: it ";
}

/** Where to set it, in the words of the host that reads the variables (VariableSource.whereToSet). */
function advice(source: VariableSource, name: string): string {
  const where = source.whereToSet?.(name);
  return where === undefined ? "" : ` ${where}`;
}

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
  // "undefined" and "null" are what a script writes when it sets a variable to nothing.
  if (value === "" || value === "undefined" || value === "null") {
    throw new ImsAuthError("ERR_MISSING_VARIABLE", `${name} is not set.${advice(source, name)}${hint(name)}`, name);
  }
  // Only a runner without a vault leaves a {{vault:…}} reference for the checks to see (the sandbox reads the vault first).
  const key = vaultKey(value);
  if (key !== undefined) throw vaultUnavailable(name, key);
  if (isPlaceholder(value)) {
    const reference = /\{\{([^{}]*)\}\}/.exec(value)?.[1];
    // A secret's value is quoted only when all of it is a placeholder: "p8e-real{{x}}" holds part of a secret.
    const what = PLACEHOLDER.test(value) || (quotable(value) && !isSecretName(name)) ? `the placeholder ${value}` : "template text";
    // Bruno reads {{process.env.NAME}} from the process's environment and the collection's .env file.
    const processVariable = /^process\.env\.(\w+)$/.exec(reference ?? "")?.[1];
    if (processVariable !== undefined) {
      throw new ImsAuthError(
        "ERR_MISSING_VARIABLE",
        `${name} is {{process.env.${processVariable}}}, but the environment variable ${processVariable} is not set: set it where bru runs (a CI secret), or in the .env file next to the collection.`,
        name,
      );
    }
    const undefinedReference = reference !== undefined && reference !== name ? ` (no variable ${reference} is defined)` : "";
    throw new ImsAuthError(
      "ERR_MISSING_VARIABLE",
      `${name} is not filled in: it still holds ${what}${undefinedReference}. Replace it with the real value.${hint(name)}`,
      name,
    );
  }
  return value;
}

/**
 * A value pattern that, when not met, produces an actionable ERR_INVALID_VARIABLE; `fix` may propose a
 * corrected value (the value without surrounding quotes or a trailing comma is always tried). A value
 * shaped like a secret is never quoted back.
 */
export function requireMatch(
  name: string,
  value: string,
  pattern: RegExp,
  expectation: string,
  fix?: (value: string) => string | undefined,
): string {
  if (pattern.test(value)) return value;
  const stripped = value.replace(/^["'\s]+|["',;\s]+$/g, "");
  const suggestion = pattern.test(stripped) ? stripped : fix?.(stripped);
  const said = quotable(value) ? `is "${value}" but ` : unquoted(value);
  const set = suggestion !== undefined && quotable(suggestion) && pattern.test(suggestion) ? `: set ${name} to "${suggestion}"` : "";
  throw new ImsAuthError("ERR_INVALID_VARIABLE", `${name} ${said}${expectation}${set}.${hint(name)}`, name);
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
  // DNS labels are at most 63 characters: that also keeps a pasted token or secret from passing for a host.
  if (BARE_HOST.test(value) && quotable(value) && value.split(/[.:]/).every((label) => label.length > 0 && label.length <= 63))
    return value;
  const suggestion = value
    .replace(/^[a-z]+:\/\//i, "")
    .replace(/[/?#].*$/, "")
    .trim();
  const fix = BARE_HOST.test(suggestion) ? `set ${name} to "${suggestion}"` : `set ${name} to a host name such as "${example}"`;
  throw new ImsAuthError(
    "ERR_INVALID_VARIABLE",
    `${name} ${quotable(value) ? `is "${value}" but ` : unquoted(value)}must be a bare host name, without https://, a path or a trailing slash: ${quotable(suggestion) ? fix : `set ${name} to a host name such as "${example}"`}.`,
    name,
  );
}

/** The trimmed value, or "" when unset or template text: for optional variables and flow choice. */
export function optionalValue(source: VariableSource, name: string): string {
  const raw = source(name);
  const value = raw === undefined || raw === null ? "" : String(raw).trim();
  return isPlaceholder(value) || value === "undefined" || value === "null" ? "" : value;
}

/** The value exactly as set (not trimmed: passphrases may have meaningful spaces), or "". */
export function rawValue(source: VariableSource, name: string): string {
  const raw = source(name);
  const key = vaultKey(raw);
  if (key !== undefined) throw vaultUnavailable(name, key);
  return raw === undefined || raw === null ? "" : String(raw);
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
