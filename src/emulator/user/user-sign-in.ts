// A user's sign-in on the emulator: user credentials, the test user, authorize and consent, user token grants, revocation, userinfo.

import type { IncomingMessage } from "node:http";
import type { AccessTokenIssuer } from "../access-tokens.js";
import { bearerToken, type Reply } from "../api-routes.js";
import { Authorizer, parseScopes } from "./authorize.js";
import { readForm } from "../form-body.js";
import { TEST_USER, userInfo, userProfile, type TestUser } from "./test-user.js";
import { errorReply } from "../service/token-endpoints.js";
import type { UserClient } from "./user-clients.js";
import { REFRESH_TOKEN_LIFETIME_MS, UserGrants } from "./user-grants.js";
import { authenticateClient, authorizationCodeGrant, refreshTokenGrant, type UserTokenDesk } from "./user-token-grants.js";

/** What the sign-in needs of the emulator it lives in. */
export interface SignInHost {
  readonly tokens: AccessTokenIssuer;
  imsNow(): number;
  /** The access token lifetime for the token issued now. */
  lifetimeMs(): number;
  /** host:port, for the ID token's issuer. */
  host(): string;
  /** Told of every access token issued, so the emulator's list of issued tokens stays whole. */
  issued(token: string): void;
}

/** Requests of a user's sign-in, counted apart from the token and API counters (which count their token and API calls). */
export interface SignInCalls {
  authorize: number;
  consent: number;
  authorizationCode: number;
  refreshToken: number;
  revoke: number;
}

export interface SignInOptions {
  readonly userClients?: readonly UserClient[];
  /** Consent at once, without the sign-in page. */
  readonly autoConsent?: boolean;
  readonly refreshTokenLifetimeMs?: number;
  readonly user?: TestUser;
}

const UNAUTHORIZED: Reply = { status: 401, body: { error: "invalid_token", error_description: "The access token is invalid or expired." } };

export class UserSignIn {
  readonly calls: SignInCalls = { authorize: 0, consent: 0, authorizationCode: 0, refreshToken: 0, revoke: 0 };
  autoConsent: boolean;
  refreshTokenLifetimeMs: number;
  readonly user: TestUser;
  readonly grants: UserGrants;
  private readonly clients = new Map<string, UserClient>();
  private readonly authorizer: Authorizer;

  constructor(
    private readonly host: SignInHost,
    options: SignInOptions = {},
  ) {
    this.autoConsent = options.autoConsent ?? false;
    this.refreshTokenLifetimeMs = options.refreshTokenLifetimeMs ?? REFRESH_TOKEN_LIFETIME_MS;
    this.user = options.user ?? TEST_USER;
    this.grants = new UserGrants((itt, payload) => host.tokens.signJwt(itt, payload));
    for (const client of options.userClients ?? []) this.addClient(client);
    const self = this;
    this.authorizer = new Authorizer({
      userClient: (clientId) => this.clients.get(clientId),
      grants: this.grants,
      user: this.user,
      get autoConsent() {
        return self.autoConsent;
      },
      imsNow: () => host.imsNow(),
    });
  }

  addClient(client: UserClient): void {
    this.clients.set(client.clientId, client);
  }

  client(clientId: string): UserClient | undefined {
    return this.clients.get(clientId);
  }

  authorize(url: URL): Reply {
    this.calls.authorize += 1;
    return this.authorizer.authorize(url.searchParams);
  }

  consent(request: IncomingMessage, body: string): Reply {
    this.calls.consent += 1;
    const form = readForm(request.headers["content-type"], body);
    return form.ok
      ? this.authorizer.consent(form.fields)
      : errorReply({ status: 400, error: "invalid_request", description: form.description });
  }

  /** The answer to a user grant on /ims/token/v3, or undefined when the grant is not one (client credentials). */
  token(params: URLSearchParams, authorization: string | undefined): Reply | undefined {
    const grant = params.get("grant_type");
    if (grant === "authorization_code") {
      this.calls.authorizationCode += 1;
      return authorizationCodeGrant(params, authorization, this.desk());
    }
    if (grant === "refresh_token") {
      this.calls.refreshToken += 1;
      return refreshTokenGrant(params, authorization, this.desk());
    }
    return undefined;
  }

  /** POST /ims/revoke: the client as at the token endpoint, then `token` (a refresh token) revoked with its family. 200, no body. */
  revoke(params: URLSearchParams, authorization: string | undefined): Reply {
    this.calls.revoke += 1;
    const authenticated = authenticateClient(params, authorization, this.desk());
    if (!authenticated.ok) return authenticated.reply;
    const token = params.get("token");
    if (!token) return errorReply({ status: 400, error: "invalid_request", description: "token is missing." });
    this.grants.revokeRefreshToken(token);
    return { status: 200, body: "" };
  }

  /** GET /ims/userinfo/v2: the signed-in user's claims, by the scopes the token carries. */
  userinfo(request: IncomingMessage): Reply {
    const token = bearerToken(request, this.host.tokens, Date.now());
    if (!token || token.userId !== this.user.userId) return UNAUTHORIZED;
    return { status: 200, body: userInfo(this.user, token.scopes) };
  }

  /** GET /ims/profile/v1. */
  profile(request: IncomingMessage): Reply {
    const token = bearerToken(request, this.host.tokens, Date.now());
    if (!token || token.userId !== this.user.userId) return UNAUTHORIZED;
    return { status: 200, body: userProfile(this.user) };
  }

  /**
   * The test user signed in to `clientId` with `scopes` and consented, without a browser: the refresh token
   * (when the credential gets one) and access token a code exchange would give. For rehearsal environments and tests.
   */
  signInWithoutBrowser(clientId: string, scopes: readonly string[]): { refreshToken: string | undefined; accessToken: string } {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`no user credential ${clientId} is registered`);
    const now = this.host.imsNow();
    const granted = parseScopes(scopes.join(" "));
    const refreshToken =
      client.kind === "web" && granted.includes("offline_access")
        ? this.grants.issueRefreshToken({ clientId, userId: this.user.userId, scopes: granted }, this.refreshTokenLifetimeMs, now)
        : undefined;
    const accessToken = this.desk().issueAccessToken(client, this.user.userId, granted, this.host.lifetimeMs(), Date.now());
    return { refreshToken, accessToken };
  }

  resetCalls(): void {
    for (const counter of Object.keys(this.calls) as Array<keyof SignInCalls>) this.calls[counter] = 0;
  }

  private desk(): UserTokenDesk {
    const host = this.host;
    return {
      userClient: (clientId) => this.clients.get(clientId),
      grants: this.grants,
      imsNow: () => host.imsNow(),
      lifetimeMs: () => host.lifetimeMs(),
      refreshTokenLifetimeMs: this.refreshTokenLifetimeMs,
      issueAccessToken: (client, userId, scopes, lifetimeMs, nowMs) => {
        const { token } = host.tokens.issue(client.clientId, "", userId, scopes, lifetimeMs, nowMs);
        host.issued(token);
        return token;
      },
      idToken: (client, userId, nowMs) => {
        const seconds = Math.floor(nowMs / 1000);
        return host.tokens.signJwt("id", {
          iss: `https://${host.host()}`,
          sub: userId,
          aud: client.clientId,
          iat: seconds,
          exp: seconds + 86_400,
          email: this.user.email,
          name: `${this.user.givenName} ${this.user.familyName}`,
        });
      },
    };
  }
}
