// A short digest of the credential variables: what a remembered failure or a cached token belongs to.

import { optionalValue } from "./checks.js";
import { sha256Hex } from "../crypto/sha256.js";
import { CREDENTIAL_VARIABLES, type VariableSource } from "./variables.js";

/** Changes whenever one of the inputs does; 64 bits of a SHA-256, so it says nothing about the secrets. */
export function configurationKey(source: VariableSource): string {
  return sha256Hex(CREDENTIAL_VARIABLES.map((name) => optionalValue(source, name)).join("\u0000")).slice(0, 16);
}
