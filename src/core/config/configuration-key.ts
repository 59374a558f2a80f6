// A short digest of the credential variables: what a remembered failure or a cached token belongs to.

import { optionalValue } from "./checks.js";
import { sha256Hex } from "../crypto/sha256.js";
import type { VariableSource } from "./variables.js";

/** Every variable that changes which token IMS would issue. */
const INPUTS = [
  "AUTH_FLOW",
  "IMS",
  "IMS_ORG",
  "TECHNICAL_ACCOUNT_ID",
  "API_KEY",
  "CLIENT_SECRET",
  "META_SCOPE",
  "SCOPES",
  "PRIVATE_KEY",
  "PRIVATE_KEY_PASSPHRASE",
];

/** Changes whenever one of the inputs does; 64 bits of a SHA-256, so it says nothing about the secrets. */
export function configurationKey(source: VariableSource): string {
  return sha256Hex(INPUTS.map((name) => optionalValue(source, name)).join("\u0000")).slice(0, 16);
}
