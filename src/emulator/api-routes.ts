// Protected resources of the emulator: Adobe-style APIs that accept only a live token the emulator issued.

import type { IncomingMessage } from "node:http";
import type { AccessTokenIssuer, IssuedAccessToken } from "./access-tokens.js";

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

const UNAUTHORIZED: Reply = { status: 401, body: { error_code: "401013", message: "Oauth token is not valid" } };

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/** The live token of an Authorization: Bearer header, or undefined. */
export function bearerToken(request: IncomingMessage, tokens: AccessTokenIssuer, nowMs: number): IssuedAccessToken | undefined {
  const match = /^Bearer (\S+)$/i.exec(header(request, "authorization"));
  return match?.[1] ? tokens.live(match[1], nowMs) : undefined;
}

/** Experience Platform style: bearer token, x-api-key of the token's client, x-gw-ims-org-id of its org. */
export function listSandboxes(request: IncomingMessage, tokens: AccessTokenIssuer, nowMs: number): Reply {
  const token = bearerToken(request, tokens, nowMs);
  if (!token) return UNAUTHORIZED;
  if (header(request, "x-api-key") !== token.clientId) {
    return { status: 403, body: { error_code: "403003", message: "Api Key is invalid" } };
  }
  if (header(request, "x-gw-ims-org-id") !== token.orgId) {
    return { status: 403, body: { error_code: "403025", message: "Profile is not valid" } };
  }
  const sandbox = header(request, "x-sandbox-name") || "prod";
  return { status: 200, body: { sandboxes: [{ name: sandbox, title: "Production", type: "production", state: "active" }] } };
}

/** AEM style: bearer token that carries the AEM metascope. */
export function aemContent(request: IncomingMessage, tokens: AccessTokenIssuer, nowMs: number, body: unknown): Reply {
  const token = bearerToken(request, tokens, nowMs);
  if (!token) return UNAUTHORIZED;
  if (!token.scopes.includes("ent_aem_cloud_sdk")) return { status: 403, body: { message: "token lacks the ent_aem_cloud_sdk metascope" } };
  return { status: 200, body };
}

/** IMS's own profile API (/ims/profile/v1): any live token; it says whose token it is. */
export function imsProfile(request: IncomingMessage, tokens: AccessTokenIssuer, nowMs: number): Reply {
  const token = bearerToken(request, tokens, nowMs);
  if (!token) return { status: 401, body: { error: "invalid_token", error_description: "Invalid or expired token" } };
  return { status: 200, body: { userId: token.userId, ownerOrg: token.orgId, client_id: token.clientId, scope: token.scopes.join(",") } };
}
