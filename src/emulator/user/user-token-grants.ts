// POST /ims/token/v3 for a user's sign-in: grant_type=authorization_code (PKCE plain or S256) and refresh_token (rotated).

import type { Reply } from "../api-routes.js";
import { errorReply } from "../service/token-endpoints.js";
import { isConfidential, verifierMatches, type UserClient } from "./user-clients.js";
import type { UserGrants } from "./user-grants.js";

export interface UserTokenDesk {
  userClient(clientId: string): UserClient | undefined;
  readonly grants: UserGrants;
  imsNow(): number;
  /** How long the access token issued now lives (the emulator's default or the next queued lifetime). */
  lifetimeMs(): number;
  readonly refreshTokenLifetimeMs: number;
  issueAccessToken(client: UserClient, userId: string, scopes: readonly string[], lifetimeMs: number, nowMs: number): string;
  /** An OpenID Connect ID token for the user (when openid was granted). */
  idToken(client: UserClient, userId: string, nowMs: number): string;
}

type Authenticated = { readonly ok: true; readonly client: UserClient } | { readonly ok: false; readonly reply: Reply };

function refuse(status: number, error: string, description: string): { ok: false; reply: Reply } {
  return { ok: false, reply: errorReply({ status, error, description }) };
}

/** `Authorization: Basic base64(id:secret)`, each half form-urlencoded (RFC 6749 §2.3.1), or undefined. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const text = Buffer.from(match[1], "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  try {
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * Web App credentials authenticate with their secret, in a Basic header (Adobe's examples) or in the body
 * (client_secret_post: IMS's OpenID configuration lists both); Single-Page and Native App credentials send
 * only client_id. A Basic header that fails is answered 401 (RFC 6749 §5.2), a wrong secret in the body 400
 * as for client credentials.
 */
export function authenticateClient(params: URLSearchParams, authorization: string | undefined, desk: UserTokenDesk): Authenticated {
  const basic = basicCredentials(authorization);
  const bodyId = params.get("client_id");
  if (basic && bodyId !== null && bodyId !== basic.id)
    return refuse(400, "invalid_client", "client_id does not match the Authorization header.");
  const client = desk.userClient(basic?.id ?? bodyId ?? "");
  if (!client) return refuse(basic ? 401 : 400, "invalid_client", "invalid client_id parameter");
  if (!isConfidential(client)) return { ok: true, client };
  const secret = basic?.secret ?? params.get("client_secret");
  if (secret !== client.clientSecret) return refuse(basic ? 401 : 400, "invalid_client", "invalid client_secret parameter");
  return { ok: true, client };
}

function tokenBody(desk: UserTokenDesk, client: UserClient, userId: string, scopes: readonly string[], refreshToken?: string) {
  const lifetimeSeconds = Math.max(1, Math.floor(desk.lifetimeMs() / 1000));
  return {
    // Access tokens are stamped with this machine's clock, as for client credentials; IMS's clock judges the grants.
    access_token: desk.issueAccessToken(client, userId, scopes, lifetimeSeconds * 1000, Date.now()),
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    token_type: "bearer",
    expires_in: lifetimeSeconds,
  };
}

/** grant_type=authorization_code: the code once, the redirect URI it was sent to, the PKCE verifier. */
export function authorizationCodeGrant(params: URLSearchParams, authorization: string | undefined, desk: UserTokenDesk): Reply {
  const authenticated = authenticateClient(params, authorization, desk);
  if (!authenticated.ok) return authenticated.reply;
  const { client } = authenticated;
  const code = params.get("code");
  if (!code) return errorReply({ status: 400, error: "invalid_request", description: "code is missing." });
  const now = desk.imsNow();
  const redeemed = desk.grants.redeemCode(code, client.clientId, now);
  if (!redeemed.ok) return errorReply({ status: 400, error: "invalid_grant", description: redeemed.description });
  const { grant } = redeemed;
  const redirectUri = params.get("redirect_uri");
  if (grant.redirectUri !== undefined && redirectUri !== null && redirectUri !== grant.redirectUri) {
    return errorReply({ status: 400, error: "invalid_grant", description: "redirect_uri does not match the authorize request." });
  }
  if (grant.challenge) {
    const verifier = params.get("code_verifier");
    if (!verifier) return errorReply({ status: 400, error: "invalid_request", description: "code_verifier is missing." });
    if (!verifierMatches(verifier, grant.challenge.value, grant.challenge.method)) {
      return errorReply({ status: 400, error: "invalid_grant", description: "code_verifier does not match the code_challenge." });
    }
  } else if (!isConfidential(client)) {
    return errorReply({ status: 400, error: "invalid_grant", description: "Public clients must use PKCE." });
  }
  // Only Web App credentials get refresh tokens, and only with offline_access consented.
  const refreshToken =
    isConfidential(client) && grant.scopes.includes("offline_access")
      ? desk.grants.issueRefreshToken(
          { clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes },
          desk.refreshTokenLifetimeMs,
          now,
          code,
        )
      : undefined;
  const body = tokenBody(desk, client, grant.userId, grant.scopes, refreshToken);
  const idToken = grant.scopes.includes("openid") ? { id_token: desk.idToken(client, grant.userId, Date.now()) } : {};
  return { status: 200, body: { ...body, sub: grant.userId, ...idToken } };
}

/** grant_type=refresh_token: the token is spent and a new one returned (rotation); expired, revoked or reused ones are refused. */
export function refreshTokenGrant(params: URLSearchParams, authorization: string | undefined, desk: UserTokenDesk): Reply {
  const authenticated = authenticateClient(params, authorization, desk);
  if (!authenticated.ok) return authenticated.reply;
  const { client } = authenticated;
  const token = params.get("refresh_token");
  if (!token) return errorReply({ status: 400, error: "invalid_request", description: "refresh_token is missing." });
  const now = desk.imsNow();
  const redeemed = desk.grants.redeemRefreshToken(token, client.clientId, now);
  if (!redeemed.ok) return errorReply({ status: 400, error: "invalid_grant", description: redeemed.description });
  const { grant } = redeemed;
  // RFC 6749 §6: a narrower scope may be asked for, never a wider one.
  const asked = (params.get("scope") ?? "").split(/[\s,]+/).filter(Boolean);
  if (!asked.every((scope) => grant.scopes.includes(scope))) {
    return errorReply({ status: 400, error: "invalid_scope", description: "The requested scopes exceed the scopes granted." });
  }
  const scopes = asked.length > 0 ? asked : grant.scopes;
  const next = desk.grants.issueRefreshToken(
    { clientId: grant.clientId, userId: grant.userId, scopes },
    desk.refreshTokenLifetimeMs,
    now,
    undefined,
    grant.family,
  );
  return { status: 200, body: tokenBody(desk, client, grant.userId, scopes, next) };
}
