// The token endpoints' answers, as Adobe documents them: the JWT exchange and client credentials (/ims/token/v2 and v3).

import type { Reply } from "../api-routes.js";
import { checkAssertion, claimedMetascopes, type DecodedJwt, type ImsError } from "./assertion-check.js";
import type { Integration } from "./integration.js";

export interface ReceivedAssertion {
  readonly token: string;
  readonly decoded: DecodedJwt | undefined;
  readonly outcome: "accepted" | ImsError;
}

/** What the endpoints need of the emulator: its credentials, its clock, and a way to issue and record tokens. */
export interface TokenDesk {
  integration(clientId: string): Integration | undefined;
  /** host:port, the IMS host that `aud` and metascope claims must name. */
  readonly host: string;
  /** How long the token issued now lives: the next queued lifetime, else the emulator's default. */
  lifetimeMs(): number;
  /** IMS's clock (this machine's plus the offset a test set), milliseconds. */
  imsNow(): number;
  issue(integration: Integration, scopes: readonly string[], lifetimeMs: number, nowMs: number): string;
  recordAssertion(assertion: ReceivedAssertion): void;
}

export function errorReply(error: ImsError): Reply {
  return { status: error.status, body: { error: error.error, error_description: error.description } };
}

/** POST /ims/exchange/jwt: answers expires_in in milliseconds. A wrong secret is 401 here, as Adobe documents. */
export function exchangeJwt(params: URLSearchParams, desk: TokenDesk): Reply {
  const integration = desk.integration(params.get("client_id") ?? "");
  if (!integration) return errorReply({ status: 400, error: "invalid_client", description: "invalid client_id parameter" });
  if (params.get("client_secret") !== integration.clientSecret) {
    return errorReply({ status: 401, error: "invalid_client", description: "invalid client_secret parameter" });
  }
  const token = params.get("jwt_token") ?? "";
  if (token === "") return errorReply({ status: 400, error: "invalid_token", description: "JWT token is missing." });

  const now = desk.imsNow();
  const checked = checkAssertion(token, integration, desk.host, now);
  if ("status" in checked) {
    desk.recordAssertion({ token, decoded: undefined, outcome: checked });
    return errorReply(checked);
  }
  desk.recordAssertion({ token, decoded: checked, outcome: "accepted" });
  const lifetimeMs = desk.lifetimeMs();
  const accessToken = desk.issue(integration, claimedMetascopes(checked.claims, desk.host), lifetimeMs, now);
  return { status: 200, body: { token_type: "bearer", access_token: accessToken, expires_in: lifetimeMs } };
}

/** POST /ims/token/v2 and /ims/token/v3, grant_type=client_credentials: answers expires_in in seconds. */
export function clientCredentials(params: URLSearchParams, desk: TokenDesk): Reply {
  if (params.get("grant_type") !== "client_credentials") {
    return errorReply({ status: 400, error: "unsupported_grant_type", description: "grant_type must be client_credentials" });
  }
  const integration = desk.integration(params.get("client_id") ?? "");
  if (!integration) return errorReply({ status: 400, error: "invalid_client", description: "invalid client_id parameter" });
  if (params.get("client_secret") !== integration.clientSecret) {
    return errorReply({ status: 400, error: "invalid_client", description: "invalid client_secret parameter" });
  }
  const asked = (params.get("scope") ?? "")
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  const allowed = integration.scopes ?? [];
  if (asked.length === 0 || !asked.every((scope) => allowed.includes(scope))) {
    return errorReply({
      status: 400,
      error: "invalid_scope",
      description: "The requested scopes are not a subset of the scopes of the credential.",
    });
  }
  const lifetimeSeconds = Math.max(1, Math.floor(desk.lifetimeMs() / 1000));
  const accessToken = desk.issue(integration, asked, lifetimeSeconds * 1000, Date.now());
  return { status: 200, body: { access_token: accessToken, token_type: "bearer", expires_in: lifetimeSeconds } };
}
