// The Node host's transport for token requests: node:https, trusting extra CA certificates when given.

import { readFileSync } from "node:fs";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { isIP } from "node:net";
import { connect as tlsConnect, rootCertificates } from "node:tls";
import { TOKEN_REQUEST_HEADERS, type Transport } from "../../core/ims/token-exchange.js";
import { openTunnel, proxyFor, type ProxyEnvironment } from "./proxy.js";

export type CaCertificates = string | Buffer | ReadonlyArray<string | Buffer>;

export interface HttpsOptions {
  /** Extra trusted CA certificates (PEM), on top of the public ones: a local emulator, a proxy that inspects TLS. */
  readonly ca?: CaCertificates | undefined;
  /** Per attempt; a request that takes longer counts as a network failure (retried). Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Where HTTPS_PROXY and NO_PROXY are read (default: process.env). */
  readonly proxyEnv?: ProxyEnvironment | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Node's `ca` option replaces the trusted roots rather than adding to them, so the public roots and
 * NODE_EXTRA_CA_CERTS (which Node otherwise adds by itself) are put back beside the extra ones.
 */
function trusted(ca: CaCertificates | undefined): Array<string | Buffer> | undefined {
  if (ca === undefined) return undefined;
  const extra = typeof ca === "string" || Buffer.isBuffer(ca) ? [ca] : [...ca];
  const fromEnvironment = process.env.NODE_EXTRA_CA_CERTS;
  const environment = fromEnvironment ? [readFileSync(fromEnvironment)] : [];
  return [...rootCertificates, ...environment, ...extra];
}

export function httpsTransport(options: HttpsOptions = {}): Transport {
  const ca = trusted(options.ca);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return (tokenRequest, callback) => {
    const body = new URLSearchParams(tokenRequest.form.map(([key, value]): [string, string] => [key, value])).toString();
    const headers = Object.fromEntries([...TOKEN_REQUEST_HEADERS, ["Content-Length", String(Buffer.byteLength(body))]]);
    let settled = false;
    const once: typeof callback = (failure, reply) => {
      if (settled) return;
      settled = true;
      callback(failure, reply);
    };
    const url = new URL(tokenRequest.url);
    const proxy = proxyFor(url, options.proxyEnv ?? process.env);
    // Through a proxy: TLS to IMS over the CONNECT tunnel, so the certificate checked is still IMS's.
    const tunnel: RequestOptions = proxy
      ? {
          createConnection: (_, done) => {
            openTunnel(proxy, url.hostname, url.port || "443", timeoutMs, (failure, socket) => {
              if (failure || !socket) done(failure ?? new Error("no tunnel"), undefined as never);
              // host: what the certificate is checked against; SNI only for names (an IP there is refused by RFC 6066).
              else
                done(
                  null,
                  tlsConnect({
                    socket,
                    host: url.hostname,
                    ...(isIP(url.hostname) ? {} : { servername: url.hostname }),
                    ...(ca ? { ca } : {}),
                  }),
                );
            });
            return undefined;
          },
        }
      : {};
    const outgoing = httpsRequest(url, { method: "POST", headers, ...(ca ? { ca } : {}), ...tunnel }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error: NodeJS.ErrnoException) => once({ code: error.code }));
      response.on("end", () => {
        const retryAfter = response.headers["retry-after"];
        once(null, { status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), retryAfter });
      });
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    // Only the code is passed on: Node's messages are safe, but the code is what the shared message names.
    outgoing.on("error", (error: NodeJS.ErrnoException) => once({ code: error.code }));
    outgoing.end(body);
  };
}
