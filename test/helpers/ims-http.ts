// One HTTPS request to an emulator (its certificate trusted), for tests of its endpoints and of a user's sign-in.

import { request } from "node:https";
import type { ImsEmulator } from "../../src/emulator/ims-emulator.js";

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

export interface HttpRequest {
  readonly method?: string;
  /** URL-encoded form fields (POST). */
  readonly form?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `pathAndQuery` on the emulator; a full https://127.0.0.1:PORT/… URL is taken too (a redirect's Location). */
export function imsHttp(emulator: ImsEmulator, pathAndQuery: string, options: HttpRequest = {}): Promise<HttpAnswer> {
  const url = new URL(pathAndQuery, `https://${emulator.host}`);
  const body = options.form ? new URLSearchParams(options.form).toString() : "";
  const headers: Record<string, string> = { ...options.headers };
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? (options.form ? "POST" : "GET"), headers, ca: emulator.caCertificatePem },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parse(text) });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `Authorization: Basic …` for a client ID and secret, each form-urlencoded first (RFC 6749 §2.3.1). */
export function basicAuth(id: string, secret: string): Record<string, string> {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");
  return { authorization: `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString("base64")}` };
}
