// Asking IMS for a token through the host's own transport, retrying 429/5xx/network failures by the shared policy.

import { ImsAuthError, isImsAuthError } from "../errors.js";
import { readTokenResponse, type IssuedToken } from "./ims-response.js";
import { retryDelayMs } from "./retry.js";
import type { TokenRequest } from "./token-request.js";

/** The headers of every token request; the body is the request's form, x-www-form-urlencoded. */
export const TOKEN_REQUEST_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Content-Type", "application/x-www-form-urlencoded"],
  ["Accept", "application/json"],
];

/** IMS's answer as a transport reports it. */
export interface TransportReply {
  readonly status: number;
  readonly text: string;
  readonly retryAfter?: string | undefined;
}

/**
 * Sends one token request (POST, TOKEN_REQUEST_HEADERS, the form as body) and calls back once:
 * with the reply, or with a network failure (no reply) and its code when there is one.
 * Callback style on purpose: Newman's sandbox has no promise form of sendRequest.
 */
export type Transport = (request: TokenRequest, callback: (failure: { code?: string } | null, reply?: TransportReply) => void) => void;

/**
 * The host's timer, passed in: in the sandbox, Postman provides it (like `pm`) in the script's
 * scope, which code evaluated from the engine cannot see.
 */
export type Timer = (callback: () => void, delayMs: number) => unknown;

export type TokenCallback = (error: unknown, token?: IssuedToken) => void;

/** Certificate failures of TLS (Node's codes: SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED, …). */
const TLS_TRUST = /CERT|SIGNATURE|SSL|TLS/i;

function unreachable(request: TokenRequest, code: string | undefined, tries: string): ImsAuthError {
  const host = request.url.split("/")[2] ?? request.url;
  const fix =
    code !== undefined && TLS_TRUST.test(code)
      ? "Its TLS certificate is not trusted here; if that is expected (a local emulator, a proxy that inspects TLS), trust it: " +
        "Newman --ssl-extra-ca-certs FILE, postman-ims-auth --ca FILE, Node NODE_EXTRA_CA_CERTS."
      : "Check IMS and your network or proxy.";
  return new ImsAuthError("ERR_IMS_UNREACHABLE", `Could not reach IMS at ${host}${tries}: ${code ?? "network error"}. ${fix}`);
}

/** Asks IMS for the token of `request`; `done` is called once, with the token or a coded error. */
export function exchangeToken(request: TokenRequest, transport: Transport, timer: Timer, done: TokenCallback): void {
  let attempts = 0;
  const attempt = (): void => {
    attempts += 1;
    transport(request, (failure, reply) => {
      let error: unknown;
      let token: IssuedToken | undefined;
      try {
        const answered = failure || !reply ? undefined : reply;
        const delay = retryDelayMs(attempts, answered?.status, answered?.retryAfter, Date.now(), failure?.code);
        if (delay !== undefined) {
          timer(attempt, delay);
          return;
        }
        const tries = attempts > 1 ? ` (after ${attempts} attempts)` : "";
        if (!answered) error = unreachable(request, failure?.code, tries);
        else token = read(request, answered, tries);
      } catch (failed) {
        error = failed;
      }
      done(error, token);
    });
  };
  attempt();
}

/** The token of a final answer; IMS's refusal carries how many attempts were made. */
function read(request: TokenRequest, reply: TransportReply, tries: string): IssuedToken {
  // What we sent that IMS might echo back in an error description, to be redacted.
  const secrets = request.form
    .filter(([key]) => key === "client_secret" || key === "jwt_token" || key === "refresh_token")
    .map(([, value]) => value);
  try {
    return readTokenResponse(request.flow, reply.status, reply.text, Date.now(), secrets, request.aem === true);
  } catch (failure) {
    throw isImsAuthError(failure) && tries ? new ImsAuthError(failure.code, `${failure.message}${tries}`, failure.variable) : failure;
  }
}
