// Reads and checks the variables of the JWT (service account) flow, reporting every problem at once.

import { collect, rawValue, requireImsHost, requireValue } from "./checks.js";
import { requireClientId, requireClientSecret, requireOrgId, requireTechnicalAccountId, secretIsClientId } from "./identity-checks.js";
import type { ImsAuthError } from "../errors.js";
import { parseMetascopes } from "./metascopes.js";
import type { VariableSource } from "./variables.js";

export interface JwtConfig {
  readonly ims: string;
  readonly orgId: string;
  readonly technicalAccountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly metascopes: readonly string[];
  /** PEM text as given; parsed only when a JWT must be signed. */
  readonly privateKey: string;
  /** PRIVATE_KEY_PASSPHRASE as given ("" when unset); needed only when the key is encrypted. */
  readonly privateKeyPassphrase: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ImsAuthError[] };

export function readJwtConfig(source: VariableSource): Checked<JwtConfig> {
  const problems: ImsAuthError[] = [];
  const ims = collect(problems, () => requireImsHost(source));
  const orgId = collect(problems, () => requireOrgId(source));
  const technicalAccountId = collect(problems, () => requireTechnicalAccountId(source));
  const clientId = collect(problems, () => requireClientId(source));
  const clientSecret = collect(problems, () => requireClientSecret(source));
  const sameAsId = secretIsClientId(clientId, clientSecret);
  if (sameAsId) problems.push(sameAsId);
  const metascopeText = collect(problems, () => requireValue(source, "META_SCOPE"));
  const metascopes =
    metascopeText === undefined || ims === undefined ? undefined : collect(problems, () => parseMetascopes(metascopeText, ims));
  const privateKey = collect(problems, () => requireValue(source, "PRIVATE_KEY"));

  if (
    problems.length > 0 ||
    ims === undefined ||
    orgId === undefined ||
    technicalAccountId === undefined ||
    clientId === undefined ||
    clientSecret === undefined ||
    metascopes === undefined ||
    privateKey === undefined
  ) {
    return { ok: false, problems };
  }
  const privateKeyPassphrase = readPassphrase(source);
  return { ok: true, value: { ims, orgId, technicalAccountId, clientId, clientSecret, metascopes, privateKey, privateKeyPassphrase } };
}

/**
 * PRIVATE_KEY_PASSPHRASE as given, not trimmed (spaces may belong to it; the key reader tries it trimmed
 * too), or "": the one reader of this variable, for the collection, `token` and `doctor` alike.
 */
export function readPassphrase(source: VariableSource): string {
  return rawValue(source, "PRIVATE_KEY_PASSPHRASE");
}
