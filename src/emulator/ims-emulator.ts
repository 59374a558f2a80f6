// A local Adobe IMS look-alike over HTTPS on 127.0.0.1, for tests, demos and workshops without Adobe access.

import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AccessTokenIssuer } from "./access-tokens.js";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "./certificate.js";
import { aemContent, listSandboxes, type Reply } from "./api-routes.js";
import type { Integration } from "./integration.js";
import { checkAssertion, type DecodedJwt, type ImsError } from "./assertion-check.js";

export interface EmulatorOptions {
  readonly integrations?: readonly Integration[];
  /** Lifetime of issued access tokens; short values exercise renewal. Default: 24 h less 1 ms, like IMS. */
  readonly tokenLifetimeMs?: number;
  readonly port?: number;
}

/** What the emulator served, for tests to assert on. */
export interface EmulatorCalls {
  jwtExchange: number;
  tokenV3: number;
  api: number;
}

/** A canned answer for the next call(s) of a route, to exercise retries and failures. */
export interface Fault {
  readonly status: number;
  readonly retryAfter?: string;
  /** The error body's error and error_description (defaults: too_many_requests/server_error, "injected fault"). */
  readonly error?: string;
  readonly description?: string;
}

export interface ReceivedAssertion {
  readonly token: string;
  readonly decoded: DecodedJwt | undefined;
  readonly outcome: "accepted" | ImsError;
}

const DEFAULT_LIFETIME_MS = 86_399_999;

type Handler = (request: IncomingMessage, body: string) => Promise<Reply> | Reply;

export class ImsEmulator {
  readonly calls: EmulatorCalls = { jwtExchange: 0, tokenV3: 0, api: 0 };
  readonly assertions: ReceivedAssertion[] = [];
  /** Every access token issued since the last reset, in order. */
  readonly issuedTokens: string[] = [];
  /** How far IMS's clock is ahead of this machine's (negative: behind), to exercise "expired" answers. */
  clockOffsetMs = 0;
  /** PEM of the self-signed certificate the server presents; give it to clients as a trusted CA. */
  readonly caCertificatePem: string;
  tokenLifetimeMs: number;
  /** Lifetimes of the next tokens issued, in order, before tokenLifetimeMs again: renewal without waiting. */
  readonly nextTokenLifetimesMs: number[] = [];

  private readonly integrations = new Map<string, Integration>();
  private readonly tokens: AccessTokenIssuer;
  private readonly server: Server;
  private readonly routes = new Map<string, Handler>();
  private readonly faults = new Map<string, Fault[]>();
  private revokeAfterApiCalls: number | undefined;
  private address: AddressInfo | undefined;

  private constructor(options: EmulatorOptions) {
    const keys = makeRsaKeyPair(2048);
    this.caCertificatePem = makeSelfSignedCertificate(keys, {
      commonName: "postman-ims-auth local IMS emulator",
      ca: true,
      days: 2,
      dnsNames: ["localhost"],
      ipAddresses: ["127.0.0.1"],
    });
    this.tokens = new AccessTokenIssuer(keys.privateKeyPem);
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? DEFAULT_LIFETIME_MS;
    for (const integration of options.integrations ?? []) this.addIntegration(integration);
    this.routes.set("POST /ims/exchange/jwt", (_request, body) => this.exchangeJwt(body));
    this.routes.set("POST /ims/token/v3", (_request, body) => this.clientCredentials(body));
    this.routes.set("GET /data/foundation/sandbox-management/sandboxes", (request) =>
      this.api(() => listSandboxes(request, this.tokens, Date.now())),
    );
    this.routes.set("GET /content/dam.json", (request) =>
      this.api(() => aemContent(request, this.tokens, Date.now(), { "jcr:primaryType": "sling:Folder", "jcr:title": "Assets" })),
    );
    this.routes.set("GET /libs/granite/security/currentuser.json", (request) =>
      this.api(() => aemContent(request, this.tokens, Date.now(), { authorizableId: "technical-account", home: "/home/users/system" })),
    );
    this.server = createServer({ key: keys.privateKeyPem, cert: this.caCertificatePem }, (request, response) => {
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

  addIntegration(integration: Integration): void {
    this.integrations.set(integration.clientId, integration);
  }

  /** Forgets every token issued so far: the next API call with one of them gets 401. */
  revokeTokens(): void {
    this.tokens.revokeAll();
  }

  /** Revokes every token once the APIs have served `calls` more requests (a token revoked mid-run). */
  revokeTokensAfterApiCalls(calls: number): void {
    this.revokeAfterApiCalls = this.calls.api + calls;
  }

  /** The next calls of `path` (e.g. "/ims/token/v3") answer these faults, in order, before working again. */
  injectFaults(path: string, faults: readonly Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  /** Clears counters, recorded assertions and pending faults between tests. */
  reset(): void {
    this.calls.jwtExchange = 0;
    this.calls.tokenV3 = 0;
    this.calls.api = 0;
    this.assertions.length = 0;
    this.issuedTokens.length = 0;
    this.clockOffsetMs = 0;
    this.faults.clear();
    this.revokeAfterApiCalls = undefined;
    this.nextTokenLifetimesMs.length = 0;
  }

  /** How long the token issued now lives: the next of nextTokenLifetimesMs, else tokenLifetimeMs. */
  private lifetimeMs(): number {
    return this.nextTokenLifetimesMs.shift() ?? this.tokenLifetimeMs;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const handler = this.routes.get(`${request.method ?? "GET"} ${path.replace(/\/+$/, "") || "/"}`);
    const fault = this.faults.get(path)?.shift();
    let reply: Reply;
    try {
      if (fault) {
        if (path === "/ims/token/v3") this.calls.tokenV3 += 1;
        if (path === "/ims/exchange/jwt") this.calls.jwtExchange += 1;
      }
      reply = fault
        ? {
            status: fault.status,
            body: {
              error: fault.error ?? (fault.status === 429 ? "too_many_requests" : "server_error"),
              error_description: fault.description ?? "injected fault",
            },
            headers: fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter },
          }
        : handler
          ? await handler(request, Buffer.concat(chunks).toString("utf8"))
          : { status: 404, body: { error: "not_found", error_description: `No route for ${request.method} ${path}` } };
    } catch (error) {
      reply = { status: 500, body: { error: "server_error", error_description: String(error) } };
    }
    response.writeHead(reply.status, { "content-type": "application/json;charset=UTF-8", ...reply.headers });
    response.end(JSON.stringify(reply.body));
  }

  private exchangeJwt(body: string): Reply {
    this.calls.jwtExchange += 1;
    const form = new URLSearchParams(body);
    const integration = this.integrations.get(form.get("client_id") ?? "");
    if (!integration) return errorReply({ status: 400, error: "invalid_client", description: "invalid client_id parameter" });
    if (form.get("client_secret") !== integration.clientSecret) {
      return errorReply({ status: 401, error: "invalid_client", description: "invalid client_secret parameter" });
    }
    const token = form.get("jwt_token") ?? "";
    if (token === "") return errorReply({ status: 400, error: "invalid_token", description: "JWT token is missing." });

    const now = Date.now() + this.clockOffsetMs;
    const checked = checkAssertion(token, integration, this.host, now);
    if ("status" in checked) {
      this.assertions.push({ token, decoded: undefined, outcome: checked });
      return errorReply(checked);
    }
    this.assertions.push({ token, decoded: checked, outcome: "accepted" });
    const scopes = Object.keys(checked.claims)
      .filter((key) => key.includes("/s/"))
      .map((key) => key.split("/s/")[1] ?? "");
    const lifetimeMs = this.lifetimeMs();
    const issued = this.tokens.issue(integration.clientId, integration.orgId, integration.technicalAccountId, scopes, lifetimeMs, now);
    this.issuedTokens.push(issued.token);
    return { status: 200, body: { token_type: "bearer", access_token: issued.token, expires_in: lifetimeMs } };
  }

  /** POST /ims/token/v3, grant_type=client_credentials: answers expires_in in seconds. */
  private clientCredentials(body: string): Reply {
    this.calls.tokenV3 += 1;
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials") {
      return errorReply({ status: 400, error: "unsupported_grant_type", description: "grant_type must be client_credentials" });
    }
    const integration = this.integrations.get(form.get("client_id") ?? "");
    if (!integration) return errorReply({ status: 400, error: "invalid_client", description: "invalid client_id parameter" });
    if (form.get("client_secret") !== integration.clientSecret) {
      return errorReply({ status: 400, error: "invalid_client", description: "invalid client_secret parameter" });
    }
    const asked = (form.get("scope") ?? "")
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
    const lifetimeSeconds = Math.max(1, Math.floor(this.lifetimeMs() / 1000));
    const issued = this.tokens.issue(
      integration.clientId,
      integration.orgId,
      integration.technicalAccountId,
      asked,
      lifetimeSeconds * 1000,
      Date.now(),
    );
    this.issuedTokens.push(issued.token);
    return { status: 200, body: { access_token: issued.token, token_type: "bearer", expires_in: lifetimeSeconds } };
  }

  private api(serve: () => Reply): Reply {
    this.calls.api += 1;
    const reply = serve();
    if (this.revokeAfterApiCalls !== undefined && this.calls.api >= this.revokeAfterApiCalls) {
      this.revokeAfterApiCalls = undefined;
      this.tokens.revokeAll();
    }
    return reply;
  }
}

function errorReply(error: ImsError): Reply {
  return { status: error.status, body: { error: error.error, error_description: error.description } };
}
