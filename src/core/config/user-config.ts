// Reads and checks the variables of a user's sign-in (OAuth Web App, Single-Page App, Native App): renewing with REFRESH_TOKEN.

import { collect, optionalValue, requireImsHost, requireValue } from "./checks.js";
import { requireClientId, requireClientSecret, secretIsClientId } from "./identity-checks.js";
import { ImsAuthError } from "../errors.js";
import type { Checked } from "./jwt-config.js";
import { parseMetascopes } from "./metascopes.js";
import { TOKEN_V3_PATH } from "./s2s-config.js";
import type { VariableSource } from "./variables.js";
import { vaultKey } from "./vault-reference.js";

/** The OAuth credential a user signs in with, as the environment holds it. */
export interface UserCredential {
  readonly ims: string;
  readonly clientId: string;
  /** OAuth Web App credentials (confidential clients) only; Single-Page and Native App credentials have none. */
  readonly clientSecret: string | undefined;
  /** What to ask for at sign-in (SCOPES, comma- or space-separated); empty when SCOPES is not set. */
  readonly scopes: readonly string[];
}

export interface UserConfig extends UserCredential {
  readonly refreshToken: string;
}

/** Postman's OAuth 2.0 callback (the app, "Authorize using browser" or not), and the pattern Adobe's guides give for it. */
export const POSTMAN_CALLBACK = "https://oauth.pstmn.io/v1/callback";
export const POSTMAN_CALLBACK_PATTERN = "https://oauth\\.pstmn\\.io";
/** Where `postman-ims-auth login` listens unless told otherwise (--redirect-uri): HTTPS even on localhost, as IMS requires. */
export const LOGIN_REDIRECT_URI = "https://localhost:8443/callback";

/** How to get a new REFRESH_TOKEN, said wherever one is missing or refused. */
export const SIGN_IN_HOW =
  "Sign in again: from a terminal, `postman-ims-auth login --env FILE` writes a new REFRESH_TOKEN into FILE (put it where the old one was: " +
  "your environment, or the CI secret); in the Postman app, the collection's Authorization tab → Get New Access Token signs you in for the app itself.";

/**
 * REFRESH_TOKEN: one word, never quoted back. Not from Postman Vault: IMS replaces the refresh token on every renewal,
 * and scripts cannot write the new one back into the vault, so the next renewal would present a spent token.
 */
export function requireRefreshToken(source: VariableSource): string {
  const raw = source("REFRESH_TOKEN");
  if (vaultKey(raw) !== undefined) {
    throw new ImsAuthError(
      "ERR_INVALID_VARIABLE",
      "REFRESH_TOKEN is a {{vault:…}} reference, but a refresh token cannot live in Postman Vault: IMS gives a new one on every renewal " +
        "and the collection stores it in the variable REFRESH_TOKEN, which scripts can write and the vault is not. " +
        "Put the refresh token itself in REFRESH_TOKEN, a secret variable of your environment.",
      "REFRESH_TOKEN",
    );
  }
  let value: string;
  try {
    value = requireValue(source, "REFRESH_TOKEN");
  } catch (error) {
    if (error instanceof ImsAuthError && error.code === "ERR_MISSING_VARIABLE") {
      throw new ImsAuthError("ERR_MISSING_VARIABLE", `${error.message} ${SIGN_IN_HOW}`, "REFRESH_TOKEN");
    }
    throw error;
  }
  const wrong = /^bearer\s/i.test(value)
    ? 'starts with "Bearer ": paste the refresh token alone'
    : value.startsWith("{")
      ? "holds JSON: paste only the value of refresh_token"
      : /\s/.test(value)
        ? "contains spaces or line breaks: paste the refresh token alone, on one line"
        : undefined;
  if (wrong) throw new ImsAuthError("ERR_INVALID_VARIABLE", `REFRESH_TOKEN ${wrong}.`, "REFRESH_TOKEN");
  return value;
}

/** The variables of the user flow, every problem at once. CLIENT_SECRET is optional: without it the credential is a public client. */
export function readUserConfig(source: VariableSource): Checked<UserConfig> {
  const credential = readUserCredential(source);
  const problems = credential.ok ? [] : [...credential.problems];
  const refreshToken = collect(problems, () => requireRefreshToken(source));
  if (!credential.ok || !refreshToken) return { ok: false, problems };
  return { ok: true, value: { ...credential.value, refreshToken } };
}

/** The credential without a refresh token: what `login` signs in with and the emulator registers. */
export function readUserCredential(source: VariableSource): Checked<UserCredential> {
  const problems: ImsAuthError[] = [];
  const ims = collect(problems, () => requireImsHost(source));
  const clientId = collect(problems, () => requireClientId(source));
  // A {{vault:…}} secret counts as set: where no vault resolved it, its check says so rather than dropping it.
  const hasSecret = optionalValue(source, "CLIENT_SECRET") !== "" || vaultKey(source("CLIENT_SECRET")) !== undefined;
  const clientSecret = hasSecret ? collect(problems, () => requireClientSecret(source)) : undefined;
  const sameAsId = secretIsClientId(clientId, clientSecret);
  if (sameAsId) problems.push(sameAsId);
  const scopeText = optionalValue(source, "SCOPES");
  // Adobe's guides write user scopes space-separated (Frame.io) as often as comma-separated (Analytics).
  const scopes = scopeText === "" ? [] : collect(problems, () => parseMetascopes(scopeText.replace(/[\s,]+/g, ","), ims ?? "", "SCOPES"));
  if (problems.length > 0 || !ims || !clientId || !scopes || (hasSecret && !clientSecret)) return { ok: false, problems };
  return { ok: true, value: { ims, clientId, clientSecret, scopes } };
}

/**
 * The x-www-form-urlencoded fields of POST /ims/token/v3 with grant_type=refresh_token. A Web App credential
 * authenticates with its secret in the body (client_secret_post, which IMS's OpenID configuration lists beside
 * Basic); a public client sends client_id alone. No scope: IMS keeps the scopes the user consented to.
 */
export function userTokenForm(config: UserConfig): ReadonlyArray<readonly [string, string]> {
  return [
    ["grant_type", "refresh_token"],
    ["client_id", config.clientId],
    ...(config.clientSecret === undefined ? [] : [["client_secret", config.clientSecret] as const]),
    ["refresh_token", config.refreshToken],
  ];
}

export const USER_TOKEN_PATH = TOKEN_V3_PATH;
