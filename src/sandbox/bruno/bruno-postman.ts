// `pm` for our compiled scripts, made of Bruno's `bru`/`req`/`res`: the engine runs in Bruno unchanged.

import type { Postman, SendRequestOptions, SendRequestResponse } from "../host/postman.js";
import type { Bru, BrunoFormField, BrunoRequest, BrunoResponse, BrunoSendResponse } from "./bruno-api.js";
import type { Pending } from "./pending.js";

/** What the script asked for, settled once its work is done: failed checks, or a skip. */
export interface Verdict {
  readonly failures: { name: string; message: string }[];
  skipped: boolean;
}

export interface BrunoScope {
  readonly bru: Bru;
  readonly req: BrunoRequest;
  /** Only in post-response and test scripts. */
  readonly res: BrunoResponse | undefined;
  /** Bruno's own `test`: used after the response; before it, failures are collected instead (see run.ts). */
  readonly test: ((name: string, fn: () => void) => void) | undefined;
}

/** `{{NAME}}` as Bruno resolves it in a request (runtime, request, folder, environment, collection, global, process.env). */
export function lookup(bru: Bru, name: string): unknown {
  const template = `{{${name}}}`;
  const value = bru.interpolate(template);
  return value === template ? undefined : value;
}

export function urlPath(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = rest.indexOf("/");
  return slash < 0 ? "/" : (rest.slice(slash).split(/[?#]/)[0] ?? "/");
}

function formValue(body: unknown, key: string): string | undefined {
  if (Array.isArray(body)) return (body as BrunoFormField[]).find((field) => field.name === key)?.value;
  if (typeof body !== "string") return undefined;
  for (const pair of body.split("&")) {
    const [name = "", value = ""] = pair.split("=");
    if (decodeURIComponent(name.replace(/\+/g, " ")) === key) return decodeURIComponent(value.replace(/\+/g, " "));
  }
  return undefined;
}

function encodeForm(fields: SendRequestOptions["body"]["urlencoded"]): string {
  return fields.map(({ key, value }) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
}

function reply(response: BrunoSendResponse): SendRequestResponse {
  const body = response.data;
  return {
    code: response.status,
    headers: { get: (name) => response.headers?.[name.toLowerCase()] ?? undefined },
    text: () => (typeof body === "string" ? body : body === undefined || body === null ? "" : JSON.stringify(body)),
  };
}

const KEPT_IN_ENVIRONMENT = "REFRESH_TOKEN";

/**
 * Variables our scripts write (the token, its expiry, the failure memo) become Bruno runtime
 * variables: `bru run` writes environment and collection variables back into their files, and
 * a token must never land in a file. Runtime variables also win over the environment's when
 * {{ACCESS_TOKEN}} is resolved, as the collection's Bearer auth needs.
 */
export function brunoPostman(scope: BrunoScope, pending: Pending, verdict: Verdict): Postman {
  const { bru, req, res } = scope;
  const runtime = {
    get: (name: string) => bru.getVar(name),
    set: (name: string, value: unknown) => bru.setVar(name, String(value)),
    has: (name: string) => bru.hasVar(name),
    unset: (name: string) => bru.deleteVar(name),
  };
  const none = { get: () => undefined, set: runtime.set, has: () => false, unset: () => undefined };
  // One exception: a user's REFRESH_TOKEN is spent by every renewal, so the new one goes where the spent one was, the
  // environment (bru run writes it into the environment's file), or the next run would present a spent token.
  const environment = {
    ...none,
    has: (name: string) => name === KEPT_IN_ENVIRONMENT && bru.getEnvVar(name) !== undefined,
    set: (name: string, value: unknown) => (name === KEPT_IN_ENVIRONMENT ? bru.setEnvVar(name, String(value)) : runtime.set(name, value)),
  };
  const response = res && {
    code: res.getStatus(),
    headers: { get: (name: string) => res.getHeader(name) ?? undefined },
    text: () => {
      const body = res.getBody();
      return typeof body === "string" ? body : body === undefined || body === null ? "" : JSON.stringify(body);
    },
  };
  return {
    variables: {
      ...none,
      get: (name) => lookup(bru, name),
      replaceIn: (template) => String(bru.interpolate(template)),
      has: (name) => lookup(bru, name) !== undefined,
    },
    environment,
    collectionVariables: runtime,
    request: {
      url: { getPath: () => urlPath(req.getUrl()) },
      headers: { get: (name) => req.getHeader(name) ?? undefined },
      body: {
        urlencoded: {
          get: (key) => formValue(req.getBody(), key),
          upsert: ({ key, value }) => {
            const body = req.getBody();
            const fields = Array.isArray(body) ? (body as BrunoFormField[]) : [];
            const field = fields.find((candidate) => candidate.name === key);
            if (field) field.value = value;
            else fields.push({ name: key, value, enabled: true });
            req.setBody(fields);
          },
        },
      },
    },
    response,
    execution: { skipRequest: () => (verdict.skipped = true) },
    info: { requestName: req.getName() },
    localVariablesOutliveRun: true,
    test: (name, fn) => {
      if (scope.test) return scope.test(name, fn);
      try {
        fn();
      } catch (error) {
        verdict.failures.push({ name, message: error instanceof Error ? error.message : String(error) });
      }
    },
    sendRequest: (options, callback) => {
      const release = pending.hold();
      const headers: Record<string, string> = {};
      for (const { key, value } of options.header) headers[key] = value;
      const config = {
        method: options.method,
        url: options.url,
        headers,
        data: encodeForm(options.body.urlencoded),
        validateStatus: null,
        responseType: "text" as const,
      };
      bru
        .sendRequest(config, (error, answer) => {
          try {
            callback(answer ? null : { code: error?.code }, answer ? reply(answer) : undefined);
          } finally {
            release();
          }
        })
        .catch(() => release());
    },
  } as Postman;
}
