// A local Adobe IMS look-alike over HTTPS on 127.0.0.1, for tests, demos and workshops without Adobe access.

import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AccessTokenIssuer } from "./access-tokens.js";
import { aemContent, imsProfile, listSandboxes, type Reply } from "./api-routes.js";
import { emulatorIdentity } from "./identity.js";
import type { Integration } from "./service/integration.js";
import { tokenParams, type QueryRule } from "./service/request-params.js";
import { type Fault, faultReply, readBody, routePath, type ServedRequest, servedError } from "./routing.js";
import { clientCredentials, errorReply, exchangeJwt, type ReceivedAssertion, type TokenDesk } from "./service/token-endpoints.js";
import { AUTHORIZE_PATH, CONSENT_PATH } from "./user/authorize.js";
import { readForm } from "./form-body.js";
import type { UserClient } from "./user/user-clients.js";
import { UserSignIn, type SignInOptions } from "./user/user-sign-in.js";

export type { Fault, ServedRequest } from "./routing.js";
export type { ReceivedAssertion } from "./service/token-endpoints.js";

export interface EmulatorOptions extends SignInOptions {
  readonly integrations?: readonly Integration[];
  /** Lifetime of issued access tokens; short values exercise renewal. Default: 24 h less 1 ms, like IMS. */
  readonly tokenLifetimeMs?: number;
  readonly port?: number;
  /** Told of every request served (no secrets: method, route, status, IMS's error), e.g. for a console log. */
  readonly onRequest?: (served: ServedRequest) => void;
}

/** What the emulator served, for tests to assert on. */
export interface EmulatorCalls {
  jwtExchange: number;
  tokenV2: number;
  tokenV3: number;
  api: number;
}

interface Route {
  /** Token and API routes are counted in `calls`; the sign-in's own pages in `signIn.calls`. */
  readonly counter?: keyof EmulatorCalls;
  readonly serve: (request: IncomingMessage, url: URL, body: string) => Reply;
}

const DEFAULT_LIFETIME_MS = 86_399_999;

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class ImsEmulator {
  readonly calls: EmulatorCalls = { jwtExchange: 0, tokenV2: 0, tokenV3: 0, api: 0 };
  readonly assertions: ReceivedAssertion[] = [];
  /** Every access token issued since the last reset, in order. */
  readonly issuedTokens: string[] = [];
  /** The Authorization headers token requests carried since the last reset (IMS's token endpoints take none). */
  readonly tokenRequestAuthorizations: string[] = [];
  /** How far IMS's clock is ahead of this machine's (negative: behind), to exercise "expired" answers. */
  clockOffsetMs = 0;
  /** PEM of the self-signed certificate the server presents; give it to clients as a trusted CA. */
  readonly caCertificatePem: string;
  tokenLifetimeMs: number;
  /** Lifetimes of the next tokens issued, in order, before tokenLifetimeMs again: renewal without waiting. */
  readonly nextTokenLifetimesMs: number[] = [];

  /** A user's sign-in: user credentials, the test user, codes and refresh tokens, and what was asked of them. */
  readonly signIn: UserSignIn;

  private readonly integrations = new Map<string, Integration>();
  private readonly tokens: AccessTokenIssuer;
  private readonly server: Server;
  private readonly routes = new Map<string, Route>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly onRequest: EmulatorOptions["onRequest"];
  private revokeAfterApiCalls: number | undefined;
  private address: AddressInfo | undefined;

  private constructor(options: EmulatorOptions) {
    const identity = emulatorIdentity();
    this.caCertificatePem = identity.caCertificatePem;
    this.tokens = new AccessTokenIssuer(identity.keys.privateKeyPem);
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? DEFAULT_LIFETIME_MS;
    this.onRequest = options.onRequest;
    for (const integration of options.integrations ?? []) this.addIntegration(integration);
    this.signIn = new UserSignIn(
      {
        tokens: this.tokens,
        imsNow: () => Date.now() + this.clockOffsetMs,
        lifetimeMs: () => this.nextTokenLifetimesMs.shift() ?? this.tokenLifetimeMs,
        host: () => this.host,
        issued: (token) => this.issuedTokens.push(token),
      },
      options,
    );
    this.tokenRoute("/ims/exchange/jwt", "jwtExchange", "public", exchangeJwt);
    this.tokenRoute("/ims/token/v2", "tokenV2", "all", clientCredentials);
    // v3 serves client credentials and a user's grants (authorization_code, refresh_token).
    this.tokenRoute(
      "/ims/token/v3",
      "tokenV3",
      "public",
      (params, desk, request) => this.signIn.token(params, header(request, "authorization")) ?? clientCredentials(params, desk),
    );
    this.routes.set(`GET ${AUTHORIZE_PATH}`, { serve: (_request, url) => this.signIn.authorize(url) });
    this.routes.set(`POST ${CONSENT_PATH}`, { serve: (request, _url, body) => this.signIn.consent(request, body) });
    this.routes.set("POST /ims/revoke", {
      serve: (request, url, body) => {
        const form = readForm(request.headers["content-type"], body);
        const params = new URLSearchParams(form.ok ? form.fields : undefined);
        for (const [name, value] of url.searchParams) if (!params.has(name)) params.append(name, value);
        return this.signIn.revoke(params, header(request, "authorization"));
      },
    });
    this.apiRoute("/ims/userinfo/v2", (request) => this.signIn.userinfo(request));
    this.apiRoute("/data/foundation/sandbox-management/sandboxes", (request) => listSandboxes(request, this.tokens, Date.now()));
    const assets = { "jcr:primaryType": "sling:Folder", "jcr:title": "Assets" };
    this.apiRoute("/content/dam.json", (request) => aemContent(request, this.tokens, Date.now(), assets));
    const user = { authorizableId: "technical-account", home: "/home/users/system" };
    this.apiRoute("/libs/granite/security/currentuser.json", (request) => aemContent(request, this.tokens, Date.now(), user));
    // The signed-in test user's profile for a user's token; for a service token, whose token it is.
    this.apiRoute("/ims/profile/v1", (request) => {
      const user = this.signIn.profile(request);
      return user.status === 200 ? user : imsProfile(request, this.tokens, Date.now());
    });
    this.server = createServer({ key: identity.keys.privateKeyPem, cert: this.caCertificatePem }, (request, response) => {
      void this.dispatch(request, response);
    });
  }

  static async start(options: EmulatorOptions = {}): Promise<ImsEmulator> {
    const emulator = new ImsEmulator(options);
    await new Promise<void>((resolve, reject) => {
      emulator.server.once("error", reject);
      emulator.server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    emulator.address = emulator.server.address() as AddressInfo;
    return emulator;
  }

  /** host:port, the value for the IMS variable. */
  get host(): string {
    if (!this.address) throw new Error("the emulator is not listening");
    return `127.0.0.1:${this.address.port}`;
  }

  /** Token requests served, of every kind (JWT exchange, /ims/token/v2 and v3). */
  get imsCalls(): number {
    return this.calls.jwtExchange + this.calls.tokenV2 + this.calls.tokenV3;
  }

  addIntegration(integration: Integration): void {
    this.integrations.set(integration.clientId, integration);
  }

  /** Registers an OAuth Web App, Single-Page App or Native App credential for a user's sign-in. */
  addUserClient(client: UserClient): void {
    this.signIn.addClient(client);
  }

  /** Every refresh token issued so far stops working: the user removed the application's access. */
  revokeRefreshTokens(): void {
    this.signIn.grants.revokeAll();
  }

  /** Forgets every token issued so far: the next API call with one of them gets 401. */
  revokeTokens(): void {
    this.tokens.revokeAll();
  }

  /** Revokes every token once the APIs have served `calls` more requests (a token revoked mid-run). */
  revokeTokensAfterApiCalls(calls: number): void {
    this.revokeAfterApiCalls = this.calls.api + calls;
  }

  /** The next calls of the route at `path` (e.g. "/ims/token/v3", trailing slash or not) answer these faults, in order. */
  injectFaults(path: string, faults: readonly Fault[]): void {
    const route = routePath(path);
    this.faults.set(route, [...(this.faults.get(route) ?? []), ...faults]);
  }

  /** Clears counters, recorded assertions and pending faults between tests. */
  reset(): void {
    for (const counter of Object.keys(this.calls) as Array<keyof EmulatorCalls>) this.calls[counter] = 0;
    this.assertions.length = 0;
    this.issuedTokens.length = 0;
    this.tokenRequestAuthorizations.length = 0;
    this.clockOffsetMs = 0;
    this.faults.clear();
    this.revokeAfterApiCalls = undefined;
    this.nextTokenLifetimesMs.length = 0;
    this.signIn.resetCalls();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private tokenRoute(
    path: string,
    counter: keyof EmulatorCalls,
    rule: QueryRule,
    answer: (params: URLSearchParams, desk: TokenDesk, request: IncomingMessage) => Reply,
  ): void {
    this.routes.set(`POST ${path}`, {
      counter,
      serve: (request, url, body) => {
        if (request.headers.authorization !== undefined) this.tokenRequestAuthorizations.push(request.headers.authorization);
        const params = tokenParams(url.searchParams, request.headers["content-type"], body, rule);
        return params.ok ? answer(params.params, this.desk(), request) : errorReply(params.error);
      },
    });
  }

  private apiRoute(path: string, serve: (request: IncomingMessage) => Reply): void {
    this.routes.set(`GET ${path}`, {
      counter: "api",
      serve: (request) => {
        const reply = serve(request);
        if (this.revokeAfterApiCalls !== undefined && this.calls.api >= this.revokeAfterApiCalls) {
          this.revokeAfterApiCalls = undefined;
          this.tokens.revokeAll();
        }
        return reply;
      },
    });
  }

  private desk(): TokenDesk {
    return {
      integration: (clientId) => this.integrations.get(clientId),
      host: this.host,
      lifetimeMs: () => this.nextTokenLifetimesMs.shift() ?? this.tokenLifetimeMs,
      imsNow: () => Date.now() + this.clockOffsetMs,
      issue: (integration, scopes, lifetimeMs, nowMs) => {
        const { token } = this.tokens.issue(
          integration.clientId,
          integration.orgId,
          integration.technicalAccountId,
          scopes,
          lifetimeMs,
          nowMs,
        );
        this.issuedTokens.push(token);
        return token;
      },
      recordAssertion: (assertion) => this.assertions.push(assertion),
    };
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? "/", "https://127.0.0.1");
    const method = request.method ?? "GET";
    const path = routePath(url.pathname);
    const route = this.routes.get(`${method} ${path}`);
    let reply: Reply;
    try {
      if (route?.counter) this.calls[route.counter] += 1;
      const fault = route ? this.faults.get(path)?.shift() : undefined;
      if (fault) reply = faultReply(fault);
      else if (!route) reply = { status: 404, body: { error: "not_found", error_description: `No route for ${method} ${path}` } };
      else if (body === undefined)
        reply = { status: 413, body: { error: "invalid_request", error_description: "The request body is too large." } };
      else reply = route.serve(request, url, body);
    } catch (error) {
      reply = { status: 500, body: { error: "server_error", error_description: String(error) } };
    }
    response.writeHead(reply.status, { "content-type": "application/json;charset=UTF-8", ...reply.headers });
    // Pages, redirects and empty answers are text; everything else IMS answers in JSON.
    response.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    this.onRequest?.({ method, path, status: reply.status, ...servedError(reply) });
  }
}
