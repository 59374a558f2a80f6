// A user sign-in credential as the Developer Console holds it (Web App, Single-Page App, Native App): redirect URIs and PKCE.

import { createHash, randomUUID } from "node:crypto";
import { POSTMAN_CALLBACK, POSTMAN_CALLBACK_PATTERN } from "../../core/config/user-config.js";

/**
 * web: OAuth Web App, a confidential client (client secret). spa, native: OAuth Single-Page App and Native
 * App, public clients (no secret, PKCE required). Adobe's implementation guide: only Web App credentials get
 * refresh tokens ("Refresh tokens are not available for the OAuth Single Page App credential", and the same
 * for Native App).
 */
export type UserClientKind = "web" | "spa" | "native";

export interface UserClient {
  readonly clientId: string;
  readonly kind: UserClientKind;
  /** Web App only. */
  readonly clientSecret?: string;
  /** Where IMS sends the browser when the authorize request names no redirect_uri, or one the pattern refuses. */
  readonly defaultRedirectUri: string;
  /** The Developer Console's "Redirect URI pattern": regular expressions, comma-separated, dots escaped. */
  readonly redirectUriPattern: string;
  /** The scopes the credential may ask for (its APIs' scopes and the identity scopes). */
  readonly scopes: readonly string[];
}

export { POSTMAN_CALLBACK, POSTMAN_CALLBACK_PATTERN } from "../../core/config/user-config.js";

/** Identity scopes any user credential may ask for (Adobe's API reference, "Identity scopes"). */
export const IDENTITY_SCOPES = ["openid", "email", "address", "profile", "offline_access"] as const;

export function isConfidential(client: UserClient): boolean {
  return client.kind === "web";
}

/**
 * The redirect URI IMS will use. Adobe documents that a redirect_uri missing from the request, or one that
 * does not match the pattern, sends the browser to the default redirect URI. Each pattern is a regular
 * expression matched from the start of the URI (Postman's callback matches `https://oauth\.pstmn\.io`).
 */
export function resolveRedirectUri(client: UserClient, requested: string | null): string {
  if (!requested) return client.defaultRedirectUri;
  const patterns = client.redirectUriPattern
    .split(",")
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  for (const pattern of patterns) {
    try {
      if (new RegExp(`^(?:${pattern})`).test(requested)) return requested;
    } catch {
      // A pattern that is not a regular expression matches nothing, as a typo in the Console would.
    }
  }
  return client.defaultRedirectUri;
}

/** RFC 7636 §4.1: 43 to 128 characters of [A-Za-z0-9-._~]. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export type PkceMethod = "plain" | "S256";

/** Whether the verifier sent to the token endpoint answers the challenge of the authorize request. */
export function verifierMatches(verifier: string, challenge: string, method: PkceMethod): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const computed = method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return computed === challenge;
}

/** A user credential for tests and rehearsals: a Web App unless `kind` says otherwise, Postman's callback and localhost allowed. */
export function makeUserClient(options: Partial<UserClient> = {}): UserClient {
  const kind = options.kind ?? "web";
  return {
    clientId: options.clientId ?? randomUUID().replace(/-/g, ""),
    kind,
    ...(kind === "web"
      ? { clientSecret: options.clientSecret ?? `p8e-TEST-${randomUUID().replace(/-/g, "").slice(0, 24).toUpperCase()}` }
      : {}),
    defaultRedirectUri: options.defaultRedirectUri ?? POSTMAN_CALLBACK,
    redirectUriPattern: options.redirectUriPattern ?? `${POSTMAN_CALLBACK_PATTERN},https://localhost(:\\d+)?/`,
    scopes: options.scopes ?? [...IDENTITY_SCOPES, "AdobeID", "additional_info.roles"],
  };
}
