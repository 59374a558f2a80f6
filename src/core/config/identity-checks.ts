// Checks of the credential's identifiers and secret, with the corrected value suggested when it can be guessed.

import { requireMatch, requireSecretShape, requireValue } from "./checks.js";
import { ImsAuthError } from "../errors.js";
import type { VariableSource } from "./variables.js";

const ORG = /^[A-Za-z0-9]+@AdobeOrg$/;
const TECHNICAL_ACCOUNT = /^[A-Za-z0-9._-]+@techacct\.adobe\.com$/;

function swapped(name: string, holds: string, other: string, own: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_INVALID_VARIABLE",
    `${name} holds ${holds}, which belongs in ${other}; ${name} ends in ${own}. Are IMS_ORG and TECHNICAL_ACCOUNT_ID swapped?`,
    name,
  );
}

/** IMS_ORG: "…@AdobeOrg"; a missing or mistyped suffix is corrected in the message. */
export function requireOrgId(source: VariableSource): string {
  const value = requireValue(source, "IMS_ORG");
  if (/@techacct\.adobe\.com$/i.test(value))
    throw swapped("IMS_ORG", "a technical account ID (…@techacct.adobe.com)", "TECHNICAL_ACCOUNT_ID", "@AdobeOrg");
  return requireMatch(
    "IMS_ORG",
    value,
    ORG,
    'must look like "0123456789ABCDEF01234567@AdobeOrg"',
    (text) => `${text.replace(/@adobeorg$/i, "")}@AdobeOrg`,
  );
}

/** TECHNICAL_ACCOUNT_ID: "…@techacct.adobe.com". */
export function requireTechnicalAccountId(source: VariableSource): string {
  const value = requireValue(source, "TECHNICAL_ACCOUNT_ID");
  if (/@AdobeOrg$/i.test(value)) throw swapped("TECHNICAL_ACCOUNT_ID", "an organization ID (…@AdobeOrg)", "IMS_ORG", "@techacct.adobe.com");
  return requireMatch(
    "TECHNICAL_ACCOUNT_ID",
    value,
    TECHNICAL_ACCOUNT,
    'must look like "0123456789ABCDEF01234567@techacct.adobe.com"',
    (text) => `${text.replace(/@techacct\.adobe\.com$/i, "")}@techacct.adobe.com`,
  );
}

/** API_KEY: the client ID. A client secret pasted here is recognised, and not repeated. */
export function requireClientId(source: VariableSource): string {
  const value = requireValue(source, "API_KEY");
  const holds = /^p8e-/i.test(value)
    ? "a client secret (it starts with p8e-)"
    : /^eyJ/.test(value)
      ? "a token or JWT (it starts with eyJ)"
      : undefined;
  if (holds) {
    throw new ImsAuthError("ERR_INVALID_VARIABLE", `API_KEY holds ${holds}: put the Client ID of the credential in API_KEY.`, "API_KEY");
  }
  return requireMatch("API_KEY", value, /^[A-Za-z0-9._-]+$/, "must be the client ID only (letters, digits, - _ .)");
}

/** CLIENT_SECRET: one word, never quoted back; not the client ID, not a key. */
export function requireClientSecret(source: VariableSource): string {
  const value = requireValue(source, "CLIENT_SECRET");
  if (value.includes("-----BEGIN")) {
    throw new ImsAuthError(
      "ERR_INVALID_VARIABLE",
      "CLIENT_SECRET holds a PEM key; the private key belongs in PRIVATE_KEY, and CLIENT_SECRET is the credential's client secret (Developer Console: Retrieve client secret).",
      "CLIENT_SECRET",
    );
  }
  return requireSecretShape("CLIENT_SECRET", value, /^\S+$/, "contains spaces or line breaks; paste the client secret alone");
}

/** The client ID given twice: as API_KEY and as CLIENT_SECRET. */
export function secretIsClientId(clientId: string | undefined, clientSecret: string | undefined): ImsAuthError | undefined {
  if (clientId === undefined || clientId !== clientSecret) return undefined;
  return new ImsAuthError(
    "ERR_INVALID_VARIABLE",
    "CLIENT_SECRET is the same as API_KEY (the client ID): paste the client secret (Developer Console: the credential's Retrieve client secret).",
    "CLIENT_SECRET",
  );
}
