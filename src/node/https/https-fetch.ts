// A fetch for oauth4webapi over node:https, trusting the same CA certificates as the token transport (an emulator, a proxy's CA).

import { request as httpsRequest } from "node:https";
import { rootCertificates } from "node:tls";
import { readFileSync } from "node:fs";
import type { CaCertificates } from "./https-transport.js";

export type FetchLike = (
  url: string,
  init: { method?: string; headers?: Headers | Record<string, string>; body?: unknown },
) => Promise<Response>;

/** Node's `ca` replaces the trusted roots: the public ones and NODE_EXTRA_CA_CERTS are put back beside the extra ones. */
function trusted(ca: CaCertificates | undefined): Array<string | Buffer> | undefined {
  if (ca === undefined) return undefined;
  const extra = typeof ca === "string" || Buffer.isBuffer(ca) ? [ca] : [...ca];
  const fromEnvironment = process.env.NODE_EXTRA_CA_CERTS;
  return [...rootCertificates, ...(fromEnvironment ? [readFileSync(fromEnvironment)] : []), ...extra];
}

/** POST and GET with a string or URLSearchParams body, the answer as a WHATWG Response (what oauth4webapi reads). */
export function httpsFetch(ca?: CaCertificates, timeoutMs = 30_000): FetchLike {
  const roots = trusted(ca);
  return (url, init) =>
    new Promise((resolve, reject) => {
      const body = init.body === undefined || init.body === null ? "" : String(init.body);
      const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
      if (body !== "") headers.set("content-length", String(Buffer.byteLength(body)));
      const outgoing = httpsRequest(
        url,
        { method: init.method ?? "GET", headers: Object.fromEntries(headers), ...(roots ? { ca: roots } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
            }
            const status = response.statusCode ?? 0;
            const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(payload, { status, headers: answerHeaders }));
          });
        },
      );
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      outgoing.on("error", reject);
      outgoing.end(body);
    });
}
