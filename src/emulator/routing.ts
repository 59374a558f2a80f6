// How a request reaches an emulator route: its path without trailing slash, its bounded body, canned faults, the log line.

import type { IncomingMessage } from "node:http";
import type { Reply } from "./api-routes.js";

export interface ServedRequest {
  readonly method: string;
  /** The route, without query string or trailing slash. */
  readonly path: string;
  readonly status: number;
  /** IMS's `error` and `error_description`, for a refusal. */
  readonly error?: string;
}

/** A canned answer for the next call(s) of a route, to exercise retries and failures. */
export interface Fault {
  readonly status: number;
  readonly retryAfter?: string;
  /** The error body's error and error_description (defaults: too_many_requests/server_error, "injected fault"). */
  readonly error?: string;
  readonly description?: string;
}

/** A token request is a few kilobytes; anything far larger is refused before it is parsed. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The route of a request path: IMS answers `/ims/exchange/jwt/` (what @adobe/jwt-auth posts to) like `/ims/exchange/jwt`. */
export function routePath(pathname: string): string {
  return pathname.replace(/\/+$/, "") || "/";
}

export function faultReply(fault: Fault): Reply {
  return {
    status: fault.status,
    body: {
      error: fault.error ?? (fault.status === 429 ? "too_many_requests" : "server_error"),
      error_description: fault.description ?? "injected fault",
    },
    headers: fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter },
  };
}

/** The body as text, or undefined when it is over MAX_BODY_BYTES (read to the end all the same, so the answer arrives). */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8");
}

export function servedError(reply: Reply): { error?: string } {
  const body = reply.body as { error?: unknown; error_description?: unknown } | undefined;
  if (reply.status < 400 || typeof body?.error !== "string") return {};
  return { error: typeof body.error_description === "string" ? `${body.error}: ${body.error_description}` : body.error };
}
