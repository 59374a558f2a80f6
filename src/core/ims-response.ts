// Reading an IMS token response: the issued token with its absolute expiry, or IMS's error with a hint.

import { ImsAuthError } from "./errors.js";

/** jwt: POST /ims/exchange/jwt (expires_in in milliseconds); s2s: POST /ims/token/v3 (seconds). */
export type Flow = "jwt" | "s2s";

export interface IssuedToken {
  readonly accessToken: string;
  /** Absolute expiry, milliseconds since 1970. */
  readonly expiresAt: number;
}

const MAX_DESCRIPTION = 300;

/** What to change, for an IMS error; the variable names are the ones the student edits. */
export function hintFor(flow: Flow, status: number, error: string, description: string): string {
  const scopeVariable = flow === "jwt" ? "META_SCOPE" : "SCOPES";
  if (status === 429 || status >= 500) return "IMS is busy or unavailable; wait a moment and run again.";
  switch (error) {
    case "invalid_client":
      // /ims/token/v3 answers a wrong secret with 400, saying so in the description.
      return status === 401 || /client_secret/i.test(description)
        ? "Check API_KEY and CLIENT_SECRET: IMS did not accept this client ID and secret pair. Copy both again from the Developer Console credential."
        : "Check API_KEY: IMS does not know this client ID (or it is not the one the credential was made for). Copy the Client ID from the Developer Console credential.";
    case "invalid_scope":
      return `Check ${scopeVariable}: ask only for scopes the credential was granted (Developer Console, the credential's ${flow === "jwt" ? "metascopes" : "scopes"}).`;
    case "invalid_signature":
      return "Check PRIVATE_KEY: it must be the private key whose certificate is uploaded to the Developer Console credential.";
    case "invalid_token":
      if (/signature|binding/i.test(description)) {
        return "Check PRIVATE_KEY: it does not match any certificate uploaded to the Developer Console credential (the key and certificate must be a pair).";
      }
      if (/expir/i.test(description)) {
        return "The JWT had expired when IMS read it: check that this computer's clock is right (date and time zone).";
      }
      return "IMS could not read the JWT: check PRIVATE_KEY, IMS_ORG and TECHNICAL_ACCOUNT_ID.";
    case "bad_request":
      return "Check IMS_ORG (ends in @AdobeOrg) and TECHNICAL_ACCOUNT_ID (ends in @techacct.adobe.com), and this computer's clock.";
    case "unauthorized_client":
      return "This credential may not use this flow: check that the Developer Console credential is of the kind this request needs.";
    default:
      return flow === "jwt"
        ? "Check IMS, IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET, META_SCOPE and PRIVATE_KEY against the Developer Console credential."
        : "Check IMS, API_KEY, CLIENT_SECRET and SCOPES against the Developer Console credential.";
  }
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

/** The token IMS issued, or throws ERR_IMS_REJECTED / ERR_IMS_RESPONSE. Never puts a token in a message. */
export function readTokenResponse(flow: Flow, status: number, bodyText: string, nowMs: number): IssuedToken {
  const body = parseJson(bodyText);
  if (body && typeof body.error === "string") {
    const description = typeof body.error_description === "string" ? body.error_description : "";
    const said = description ? `${body.error}: "${clip(description)}"` : body.error;
    const busy = status === 429 || status >= 500;
    throw new ImsAuthError(
      busy ? "ERR_IMS_UNREACHABLE" : "ERR_IMS_REJECTED",
      `IMS ${busy ? "could not answer" : "refused"} the token request (HTTP ${status} ${said}). ${hintFor(flow, status, body.error, description)}`,
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
  return { accessToken, expiresAt: nowMs + Math.floor(lifetimeMs) };
}
