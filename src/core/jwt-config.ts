// Reads and checks the seven variables of the JWT (service account) flow, reporting every problem at once.

import { collect, requireImsHost, requireMatch, requireSecretShape, requireValue } from "./checks.js";
import type { ImsAuthError } from "./errors.js";
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
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ImsAuthError[] };

const NO_SPACE = /^\S+$/;

export function readJwtConfig(source: VariableSource): Checked<JwtConfig> {
  const problems: ImsAuthError[] = [];
  const ims = collect(problems, () => requireImsHost(source));
  const orgId = collect(problems, () =>
    requireMatch("IMS_ORG", requireValue(source, "IMS_ORG"), /^[A-Za-z0-9]+@AdobeOrg$/, 'must look like "0123456789ABCDEF01234567@AdobeOrg"'),
  );
  const technicalAccountId = collect(problems, () =>
    requireMatch(
      "TECHNICAL_ACCOUNT_ID",
      requireValue(source, "TECHNICAL_ACCOUNT_ID"),
      /^[A-Za-z0-9._-]+@techacct\.adobe\.com$/,
      'must look like "0123456789ABCDEF01234567@techacct.adobe.com"',
    ),
  );
  const clientId = collect(problems, () =>
    requireMatch("API_KEY", requireValue(source, "API_KEY"), /^[A-Za-z0-9._-]+$/, "must be the client ID only (letters, digits, - _ .)"),
  );
  const clientSecret = collect(problems, () =>
    requireSecretShape("CLIENT_SECRET", requireValue(source, "CLIENT_SECRET"), NO_SPACE, "contains spaces or line breaks; paste the client secret alone"),
  );
  const metascopeText = collect(problems, () => requireValue(source, "META_SCOPE"));
  const metascopes =
    metascopeText === undefined || ims === undefined
      ? undefined
      : collect(problems, () => parseMetascopes(metascopeText, ims));
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
  return { ok: true, value: { ims, orgId, technicalAccountId, clientId, clientSecret, metascopes, privateKey } };
}
