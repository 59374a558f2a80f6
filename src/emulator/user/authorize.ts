// GET /ims/authorize/v2 and the consent form's answer: checks as Adobe documents them, then a redirect with a code or an error.

import { randomBytes } from "node:crypto";
import type { Reply } from "../api-routes.js";
import { consentPage, errorPage } from "./sign-in-page.js";
import type { TestUser } from "./test-user.js";
import { isConfidential, resolveRedirectUri, type PkceMethod, type UserClient } from "./user-clients.js";
import { CODE_LIFETIME_MS, type UserGrants } from "./user-grants.js";

export const AUTHORIZE_PATH = "/ims/authorize/v2";
export const CONSENT_PATH = "/ims/authorize/v2/consent";

/** What the authorize endpoints need of the emulator. */
export interface SignInDesk {
  userClient(clientId: string): UserClient | undefined;
  readonly grants: UserGrants;
  readonly user: TestUser;
  /** Consent at once, without the page (for tests and unattended rehearsals). */
  readonly autoConsent: boolean;
  imsNow(): number;
}

/** A checked authorize request waiting for the user's answer on the consent page. */
interface Pending {
  readonly client: UserClient;
  readonly redirectUri: string;
  readonly requestedRedirectUri: string | undefined;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly fragment: boolean;
  readonly challenge: { readonly value: string; readonly method: PkceMethod } | undefined;
  readonly expiresAt: number;
}

export function htmlReply(status: number, html: string): Reply {
  return { status, body: html, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } };
}

/** The browser goes back to the application with these parameters, in the query (default for code) or the fragment. */
function redirectReply(to: string, fragment: boolean, params: Record<string, string | null>): Reply {
  const url = new URL(to);
  const values = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) values.set(key, value);
  if (fragment) url.hash = values.toString();
  else for (const [key, value] of values) url.searchParams.set(key, value);
  return { status: 302, body: "", headers: { location: url.toString(), "cache-control": "no-store" } };
}

/** Space- or comma-delimited, as Adobe's API reference allows. */
export function parseScopes(text: string | null): string[] {
  return (text ?? "")
    .split(/[\s,]+/)
    .map((scope) => scope.trim())
    .filter((scope, index, all) => scope !== "" && all.indexOf(scope) === index);
}

export class Authorizer {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly desk: SignInDesk) {}

  /** GET /ims/authorize/v2. */
  authorize(query: URLSearchParams): Reply {
    const client = this.desk.userClient(query.get("client_id") ?? "");
    if (!client) return htmlReply(400, errorPage("invalid_client", "The client_id is unknown to this IMS, or missing."));
    const redirectUri = resolveRedirectUri(client, query.get("redirect_uri"));
    const requestedRedirectUri = redirectUri === query.get("redirect_uri") ? redirectUri : undefined;
    const state = query.get("state");
    const fragment = query.get("response_mode") === "fragment";
    const fail = (error: string, description: string) =>
      redirectReply(redirectUri, fragment, { error, error_description: description, state });

    if ((query.get("response_type") ?? "code") !== "code")
      return fail("unsupported_response_type", "Only response_type=code is supported here.");
    if (state !== null && state.length > 4096) return fail("invalid_request", "state must not be longer than 4096 characters.");
    const scopes = parseScopes(query.get("scope"));
    const refused = scopes.filter((scope) => !client.scopes.includes(scope));
    if (refused.length > 0) return fail("invalid_scope", `The credential may not ask for: ${refused.join(", ")}.`);
    const challenge = query.get("code_challenge");
    const method = query.get("code_challenge_method") ?? "plain";
    if (method !== "plain" && method !== "S256") return fail("invalid_request", "code_challenge_method must be S256 or plain.");
    if (!challenge && !isConfidential(client)) return fail("invalid_request", "code_challenge is required for public clients.");
    if (query.get("prompt") === "none") return fail("login_required", "No user is signed in.");

    const request: Pending = {
      client,
      redirectUri,
      requestedRedirectUri,
      scopes,
      state,
      fragment,
      challenge: challenge ? { value: challenge, method } : undefined,
      expiresAt: this.desk.imsNow() + CODE_LIFETIME_MS,
    };
    if (this.desk.autoConsent) return this.grant(request);
    const interaction = randomBytes(16).toString("base64url");
    this.pending.set(interaction, request);
    return htmlReply(200, consentPage({ interaction, clientId: client.clientId, scopes, user: this.desk.user, action: CONSENT_PATH }));
  }

  /** POST /ims/authorize/v2/consent: the consent page's Allow or Cancel. */
  consent(form: URLSearchParams): Reply {
    const interaction = form.get("interaction") ?? "";
    const request = this.pending.get(interaction);
    this.pending.delete(interaction);
    if (!request || request.expiresAt <= this.desk.imsNow()) {
      return htmlReply(400, errorPage("invalid_request", "This sign-in page has expired or was already answered: start again."));
    }
    if (form.get("decision") !== "allow") {
      return redirectReply(request.redirectUri, request.fragment, {
        error: "access_denied",
        error_description: "The user did not allow the application.",
        state: request.state,
      });
    }
    return this.grant(request);
  }

  private grant(request: Pending): Reply {
    const code = this.desk.grants.issueCode(
      {
        clientId: request.client.clientId,
        userId: this.desk.user.userId,
        scopes: request.scopes,
        redirectUri: request.requestedRedirectUri,
        challenge: request.challenge,
      },
      this.desk.imsNow(),
    );
    return redirectReply(request.redirectUri, request.fragment, { code, state: request.state });
  }
}
