// Parsing META_SCOPE and SCOPES: comma-separated names; metascopes may also be full IMS claim URLs.

import { quotable } from "./checks.js";
import { ImsAuthError } from "../errors.js";

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Splits a comma-separated list, trims entries, drops empty ones and duplicates (order kept).
 * An entry may be a full claim URL `https://{ims}/s/{name}` for the same IMS host.
 */
export function parseMetascopes(value: string, ims: string, variable = "META_SCOPE"): string[] {
  const names: string[] = [];
  for (const entry of splitList(value)) {
    const trimmed = entry.trim();
    if (trimmed === "") continue;
    const name = toName(trimmed, ims, variable);
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 0) {
    throw new ImsAuthError(
      "ERR_MISSING_VARIABLE",
      `${variable} lists no ${variable === "SCOPES" ? "scope" : "metascope"}. Give at least one, comma-separated (for example ${variable === "SCOPES" ? "openid,AdobeID" : "ent_dataservices_sdk"}).`,
      variable,
    );
  }
  return names;
}

/** Comma-separated text, or a JSON array of strings (how some Developer Console exports hold scopes). */
function splitList(value: string): string[] {
  const text = value.trim();
  if (text.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed;
    } catch {
      // Not JSON after all: read it as a comma-separated list and let the name check speak.
    }
  }
  return text.split(",");
}

function toName(entry: string, ims: string, variable: string): string {
  const url = /^https:\/\/([^/]+)\/s\/([^/]+)$/.exec(entry);
  if (url) {
    const [, host, name] = url;
    if (host !== ims) {
      throw new ImsAuthError(
        "ERR_INVALID_VARIABLE",
        `${variable} entry "${entry}" is for IMS host ${host}, but IMS is ${ims}. Use the short name "${name}".`,
        variable,
      );
    }
    return toName(name ?? "", ims, variable);
  }
  if (!NAME.test(entry)) {
    throw new ImsAuthError(
      "ERR_INVALID_VARIABLE",
      `${variable} ${quotable(entry) ? `entry "${entry}"` : "holds an entry that"} is not a valid name (letters, digits, _ . -). Separate several with commas.`,
      variable,
    );
  }
  return entry;
}
