// Loads the JWT signer (jsrsasign and our key code) from the collection, only when a JWT must be signed.

import { SIGNER_DIGEST, SIGNER_VARIABLE } from "virtual:signer";
import { ImsAuthError } from "../core/errors.js";
import type { JwtConfig } from "../core/jwt-config.js";
import type { Postman } from "./postman.js";
import { sha256Hex } from "./sha256.js";

export interface Signer {
  createJwtAssertion(config: JwtConfig, nowMs: number): string;
}

/**
 * The signer rides in a collection variable so that the per-request path never parses it. It is
 * read with pm.collectionVariables (an environment or --env-var cannot shadow it), and evaluated
 * only after its SHA-256 matches the digest compiled into this script: changed code never runs.
 */
export function loadSigner(pm: Postman): Signer {
  const source = pm.collectionVariables.get(SIGNER_VARIABLE);
  if (typeof source !== "string" || source === "") {
    throw new ImsAuthError(
      "ERR_SIGNER_INTEGRITY",
      `The collection variable ${SIGNER_VARIABLE}, which carries the JWT signer, is missing. Import the collection again (or run postman-ims-auth inject again).`,
    );
  }
  if (sha256Hex(source) !== SIGNER_DIGEST) {
    throw new ImsAuthError(
      "ERR_SIGNER_INTEGRITY",
      `The collection variable ${SIGNER_VARIABLE} has been changed: it no longer matches the signer this collection was built with, so it is not run. Import the collection again.`,
    );
  }
  // eslint-disable-next-line no-new-func -- checked above against the compiled-in digest.
  return new Function(`${source}\nreturn __imsAuthSigner;`)() as Signer;
}
