// Reading an IMS token response: the issued token with its absolute expiry, or IMS's error with a hint.

import { jwtMigrationAdvice } from "./jwt-end-of-life.js";
import type { AuthFlow } from "../config/flow.js";
import { ImsAuthError } from "../errors.js";
import { SIGN_IN_HOW } from "../config/user-config.js";

/** jwt: POST /ims/exchange/jwt (expires_in in milliseconds); s2s and user: POST /ims/token/v3 (seconds). */
export type IssuingFlow = Exclude<AuthFlow, "token">;

export interface IssuedToken {
  readonly accessToken: string;
  /** Absolute expiry, milliseconds since 1970. */
  readonly expiresAt: number;
  /** A user's sign-in: the new refresh token IMS returned, to keep in place of the one sent. */
  readonly refreshToken?: string;
}

const MAX_DESCRIPTION = 300;

/** IMS judges a JWT's exp (and a token's age) by its own clock; these words in its answer point at ours. */
const CLOCK_WORDS = /\bexp\b|expir|not yet valid|\biat\b|\bnbf\b|clock|future/i;

/** Says what this computer's clock reads, so that a wrong clock is seen at once. */
export function clockHint(nowMs: number): string {
  return `This computer's clock reads ${new Date(nowMs).toISOString().replace(/\.\d+Z$/, "Z")} (UTC): if that is not the current time, the machine's clock may be wrong; set it right (automatic time) and run again.`;
}

/** AEM as a Cloud Service service credentials ask for these metascopes: their users have a JSON file, not a Console credential. */
export function isAemMetascopes(metascopes: string): boolean {
  return /ent_aem_cloud_sdk|ent_cloudmgr_sdk/.test(metascopes);
}

const AEM_FILE =
  "the AEM service credentials (AEM Developer Console → Integrations; after Refresh Service Credentials only the new file works)";

/** Hints for AEM service credentials: each value is a field of the file they were given, and no certificate was ever uploaded by them. */
function aemHint(error: string, description: string): string | undefined {
  if (error === "invalid_client") {
    if (/client_secret/i.test(description)) return `Check CLIENT_SECRET: use integration.technicalAccount.clientSecret of ${AEM_FILE}.`;
    return `Check API_KEY and CLIENT_SECRET: use integration.technicalAccount.clientId and clientSecret of ${AEM_FILE}.`;
  }
  if (error === "invalid_scope")
    return `Check META_SCOPE: use integration.metascopes of ${AEM_FILE} as it is (for example ent_aem_cloud_sdk).`;
  if (error === "invalid_signature" || (error === "invalid_token" && /signature|binding/i.test(description))) {
    return `Check PRIVATE_KEY: use integration.privateKey of the same file as API_KEY, ${AEM_FILE}.`;
  }
  if (error === "invalid_token" && !/expir|\bexp\b/i.test(description))
    return `IMS could not read the JWT: check PRIVATE_KEY, IMS_ORG and TECHNICAL_ACCOUNT_ID against integration.privateKey, org and id of ${AEM_FILE}.`;
  return undefined;
}

/** What to change, for an IMS error; the variable names are the ones the student edits. `aem`: the credential is AEM service credentials. */
export function hintFor(flow: IssuingFlow, status: number, error: string, description: string, nowMs = Date.now(), aem = false): string {
  const hint =
    (aem && status < 500 && status !== 429 ? aemHint(error, description) : undefined) ?? hintForError(flow, status, error, description);
  return CLOCK_WORDS.test(description) ? `${hint} ${clockHint(nowMs)}` : hint;
}

function hintForError(flow: IssuingFlow, status: number, error: string, description: string): string {
  const scopeVariable = flow === "jwt" ? "META_SCOPE" : "SCOPES";
  if (status === 429 || status >= 500) return "IMS is busy or unavailable; wait a moment and run again.";
  if (flow === "user") return userHint(error, description);
  switch (error) {
    case "invalid_client":
      // A Developer Console JWT credential past its end of life answers invalid_client too: say so after the usual hint.
      return flow === "jwt" ? `${invalidClientHint(status, description)} ${jwtMigrationAdvice()}` : invalidClientHint(status, description);
    case "invalid_scope":
      return `Check ${scopeVariable}: ask only for scopes the credential was granted (Developer Console, the credential's ${flow === "jwt" ? "metascopes" : "scopes"}).`;
    case "invalid_signature":
      return "Check PRIVATE_KEY: it must be the private key whose certificate is uploaded to the Developer Console credential.";
    case "invalid_token":
      if (/signature|binding/i.test(description)) {
        return "Check PRIVATE_KEY: it does not match any certificate uploaded to the Developer Console credential (the key and certificate must be a pair).";
      }
      if (/expir|\bexp\b/i.test(description)) {
        return "IMS refused the JWT's expiry time (exp), which is set from this computer's clock.";
      }
      return "IMS could not read the JWT: check PRIVATE_KEY, IMS_ORG and TECHNICAL_ACCOUNT_ID.";
    case "bad_request":
      return /\bexp\b|expir/i.test(description)
        ? "IMS refused the JWT's expiry time (exp), which is set from this computer's clock."
        : "Check IMS_ORG (ends in @AdobeOrg) and TECHNICAL_ACCOUNT_ID (ends in @techacct.adobe.com), and this computer's clock.";
    case "unauthorized_client":
      return "This credential may not use this flow: check that the Developer Console credential is of the kind this request needs.";
    default:
      return flow === "jwt"
        ? "Check IMS, IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET, META_SCOPE and PRIVATE_KEY against the Developer Console credential."
        : "Check IMS, API_KEY, CLIENT_SECRET and SCOPES against the Developer Console credential.";
  }
}

/** A user's renewal: the credential is an OAuth Web App (secret) or Single-Page/Native App (none), the grant a refresh token. */
function userHint(error: string, description: string): string {
  switch (error) {
    case "invalid_client":
      return /client_secret/i.test(description)
        ? "Check CLIENT_SECRET: IMS did not accept it for this API_KEY (the OAuth Web App credential's Retrieve client secret). A Single-Page or Native App credential has no secret: leave CLIENT_SECRET empty."
        : "Check API_KEY: it must be the Client ID of the OAuth credential the user signed in with.";
    case "unauthorized_client":
      return "This credential may not renew with a refresh token: refresh tokens are for OAuth Web App credentials (Single-Page and Native App credentials get none; sign in again when the token expires).";
    case "invalid_scope":
      return "IMS refused the scopes: the user consented to fewer. Sign in again with the scopes you need (SCOPES).";
    default:
      return "Check IMS, API_KEY, CLIENT_SECRET and REFRESH_TOKEN against the credential the user signed in with.";
  }
}

/** IMS's answer to a refresh token it no longer takes (RFC 6749 §5.2: invalid_grant for an expired, revoked or used grant). */
function signInAgain(status: number, said: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_SIGN_IN_AGAIN",
    `IMS refused REFRESH_TOKEN (HTTP ${status} ${said}): a refresh token stops working 14 days after it was issued, when it is revoked ` +
      "(the user removed the application's access, or an administrator did), and once it has been used: every renewal returns a new one " +
      `and only the newest works (was an older copy of the environment, or of the CI secret, used?). ${SIGN_IN_HOW}`,
    "REFRESH_TOKEN",
  );
}

/** Which half of the client ID and secret pair to check: IMS says so in its description when it can ("invalid client_secret parameter"). */
function invalidClientHint(status: number, description: string): string {
  if (/client_secret/i.test(description)) {
    return "Check CLIENT_SECRET: IMS did not accept it for this API_KEY. Copy the client secret again from the Developer Console credential.";
  }
  if (/client_id|aud/i.test(description) || status !== 401) {
    return "Check API_KEY: IMS does not know this client ID (or it is not the one the credential was made for). Copy the Client ID from the Developer Console credential.";
  }
  return "Check API_KEY and CLIENT_SECRET: IMS did not accept this client ID and secret pair. Copy both again from the Developer Console credential.";
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}

/** `text` with every occurrence of the secrets the request carried replaced: IMS could echo one back. */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length >= 4 ? out.split(secret).join("[redacted]") : out), text);
}

/**
 * The token IMS issued, or throws ERR_IMS_REJECTED / ERR_IMS_RESPONSE. Never puts a token in a message,
 * nor any of `secrets` (the client secret and JWT sent) should IMS quote one in its error.
 */
export function readTokenResponse(
  flow: IssuingFlow,
  status: number,
  bodyText: string,
  nowMs: number,
  secrets: readonly string[] = [],
  aem = false,
): IssuedToken {
  const body = parseJson(bodyText);
  if (body && typeof body.error === "string") {
    const description = redact(typeof body.error_description === "string" ? body.error_description : "", secrets);
    const error = redact(body.error, secrets);
    const said = description ? `${clip(error)}: "${clip(description)}"` : clip(error);
    const busy = status === 429 || status >= 500;
    if (flow === "user" && !busy && (error === "invalid_grant" || error === "invalid_token")) throw signInAgain(status, said);
    throw new ImsAuthError(
      busy ? "ERR_IMS_UNREACHABLE" : "ERR_IMS_REJECTED",
      `IMS ${busy ? "could not answer" : "refused"} the token request (HTTP ${status} ${said}). ${hintFor(flow, status, error, description, nowMs, aem)}`,
    );
  }
  if (status !== 200) {
    throw new ImsAuthError(
      status === 429 || status >= 500 ? "ERR_IMS_UNREACHABLE" : "ERR_IMS_REJECTED",
      `IMS answered HTTP ${status} without an error code. ${hintFor(flow, status, "", "")} Check that IMS names the Adobe IMS host.`,
    );
  }
  if (!body) {
    throw new ImsAuthError("ERR_IMS_RESPONSE", "IMS answered HTTP 200 but not with JSON. Check that IMS names the Adobe IMS host.");
  }
  const accessToken = body.access_token;
  const expiresIn = body.expires_in;
  if (typeof accessToken !== "string" || accessToken === "" || typeof expiresIn !== "number" || !(expiresIn > 0)) {
    throw new ImsAuthError(
      "ERR_IMS_RESPONSE",
      "IMS answered HTTP 200 without an access_token and a positive expires_in. Check that IMS names the Adobe IMS host.",
    );
  }
  const lifetimeMs = flow === "jwt" ? expiresIn : expiresIn * 1000;
  const refreshToken = typeof body.refresh_token === "string" && body.refresh_token !== "" ? { refreshToken: body.refresh_token } : {};
  return { accessToken, expiresAt: nowMs + Math.floor(lifetimeMs), ...refreshToken };
}
