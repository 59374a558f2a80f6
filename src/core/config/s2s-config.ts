// Reads and checks the variables of the OAuth Server-to-Server (client credentials) flow.

import { collect, requireImsHost, requireValue } from "./checks.js";
import { requireClientId, requireClientSecret, secretIsClientId } from "./identity-checks.js";
import type { ImsAuthError } from "../errors.js";
import type { Checked } from "./jwt-config.js";
import { parseMetascopes } from "./metascopes.js";
import type { VariableSource } from "./variables.js";

export const TOKEN_V3_PATH = "/ims/token/v3";

export interface S2sConfig {
  readonly ims: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly string[];
}

export function readS2sConfig(source: VariableSource): Checked<S2sConfig> {
  const problems: ImsAuthError[] = [];
  const ims = collect(problems, () => requireImsHost(source));
  const clientId = collect(problems, () => requireClientId(source));
  const clientSecret = collect(problems, () => requireClientSecret(source));
  const sameAsId = secretIsClientId(clientId, clientSecret);
  if (sameAsId) problems.push(sameAsId);
  const scopes = collect(problems, () => parseMetascopes(requireValue(source, "SCOPES"), ims ?? "", "SCOPES"));
  if (problems.length > 0 || !ims || !clientId || !clientSecret || !scopes) return { ok: false, problems };
  return { ok: true, value: { ims, clientId, clientSecret, scopes } };
}

/** The x-www-form-urlencoded fields of POST /ims/token/v3 (never in the query string). */
export function s2sTokenForm(config: S2sConfig): ReadonlyArray<readonly [string, string]> {
  return [
    ["grant_type", "client_credentials"],
    ["client_id", config.clientId],
    ["client_secret", config.clientSecret],
    ["scope", config.scopes.join(",")],
  ];
}
