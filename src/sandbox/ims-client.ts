// Asks IMS for a token with pm.sendRequest, retrying 429/5xx/network failures a bounded number of times.

import { ImsAuthError, isImsAuthError } from "../core/errors.js";
import { readTokenResponse, type IssuedToken } from "../core/ims-response.js";
import { retryDelayMs } from "../core/retry.js";
import type { TokenRequest } from "../core/token-request.js";
import type { Postman, SendRequestResponse } from "./postman.js";

/**
 * The sandbox's timer, passed in: Postman provides it (like `pm`) in the script's scope, which code
 * evaluated from the engine cannot see.
 */
export type Timer = (callback: () => void, delayMs: number) => unknown;

/** Callback style on purpose: Newman's sandbox has no promise form of sendRequest. */
export function requestToken(pm: Postman, timer: Timer, request: TokenRequest, done: (error: unknown, token?: IssuedToken) => void): void {
  let attempts = 0;
  const attempt = (): void => {
    attempts += 1;
    pm.sendRequest(
      {
        url: request.url,
        method: "POST",
        header: [
          { key: "Content-Type", value: "application/x-www-form-urlencoded" },
          { key: "Accept", value: "application/json" },
        ],
        body: { mode: "urlencoded", urlencoded: request.form.map(([key, value]) => ({ key, value })) },
      },
      (error, response) => {
        try {
          handle(error, response);
        } catch (failure) {
          done(failure);
        }
      },
    );
  };
  const handle = (error: { code?: string } | null, response: SendRequestResponse | undefined): void => {
    const status = error || !response ? undefined : response.code;
    const delay = retryDelayMs(attempts, status, response?.headers.get("Retry-After") ?? undefined, Date.now());
    if (delay !== undefined) {
      timer(attempt, delay);
      return;
    }
    const tries = attempts > 1 ? ` (after ${attempts} attempts)` : "";
    if (status === undefined || !response) {
      done(
        new ImsAuthError(
          "ERR_IMS_UNREACHABLE",
          `Could not reach IMS at ${request.url.split("/")[2] ?? request.url}${tries}: ${error?.code ?? "network error"}. Check IMS and your network or proxy.`,
        ),
      );
      return;
    }
    try {
      const secrets = request.form.filter(([key]) => key === "client_secret" || key === "jwt_token").map(([, value]) => value);
      done(undefined, readTokenResponse(request.flow, status, response.text(), Date.now(), secrets));
    } catch (failure) {
      done(isImsAuthError(failure) && tries ? new ImsAuthError(failure.code, `${failure.message}${tries}`, failure.variable) : failure);
    }
  };
  attempt();
}
