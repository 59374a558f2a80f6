// HTTPS_PROXY and NO_PROXY for the Node host: which proxy a URL goes through, and a CONNECT tunnel to it.

import { request as httpRequest } from "node:http";
import type { Socket } from "node:net";

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

export interface ProxyChoice {
  /** The proxy's URL as given (it may carry user:password, never printed). */
  readonly url: URL;
  /** host:port of the proxy, safe to print. */
  readonly shown: string;
}

/** The lower-case name first, as curl reads them; an empty value means none. */
function read(env: ProxyEnvironment, name: string): string {
  return (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? "").trim();
}

const defaultPort = (url: URL): string => url.port || (url.protocol === "https:" ? "443" : "80");

/**
 * Whether NO_PROXY exempts this host: `*`, an exact host, a domain (`example.com` or `.example.com`
 * covers its subdomains), each optionally with `:port`. IP ranges (CIDR) are not read.
 */
export function bypassesProxy(hostname: string, port: string, noProxy: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== "")
    .some((entry) => {
      if (entry === "*") return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase().replace(/^\[|\]$/g, "")) ?? [];
      const name = (match[1] ?? "").replace(/^\*?\./, "");
      if (match[2] !== undefined && match[2] !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

/** The proxy for an https:// URL from HTTPS_PROXY / https_proxy, unless NO_PROXY / no_proxy exempts its host. */
export function proxyFor(target: URL, env: ProxyEnvironment = process.env): ProxyChoice | undefined {
  const given = read(env, "HTTPS_PROXY");
  if (given === "" || bypassesProxy(target.hostname, defaultPort(target), read(env, "NO_PROXY"))) return undefined;
  // A bare host:port is what many people write; curl takes it as http://.
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`);
  return { url, shown: `${url.hostname}:${defaultPort(url)}` };
}

/**
 * Opens a CONNECT tunnel to host:port through the proxy and hands back the socket, over which TLS
 * to the target then runs end to end (the proxy sees only the host name). Failures carry a code.
 */
export function openTunnel(
  proxy: ProxyChoice,
  host: string,
  port: string,
  timeoutMs: number,
  callback: (error: NodeJS.ErrnoException | null, socket?: Socket) => void,
): void {
  const authority = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { Host: authority };
  if (proxy.url.username !== "") {
    const user = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`;
    headers["Proxy-Authorization"] = `Basic ${Buffer.from(user).toString("base64")}`;
  }
  const connect = httpRequest({
    host: proxy.url.hostname,
    port: defaultPort(proxy.url),
    method: "CONNECT",
    path: authority,
    headers,
    agent: false,
  });
  connect.setTimeout(timeoutMs, () => connect.destroy(Object.assign(new Error("proxy timed out"), { code: "ETIMEDOUT" })));
  connect.once("connect", (response, socket) => {
    connect.setTimeout(0);
    if (response.statusCode === 200) return callback(null, socket);
    socket.destroy();
    // The code is what the shared message quotes; PROXY_REFUSED is not retried (core/retry.ts).
    callback(
      Object.assign(new Error("proxy refused the tunnel"), {
        code: `PROXY_REFUSED: proxy ${proxy.shown} answered HTTP ${response.statusCode ?? 0}`,
      }),
    );
  });
  connect.once("error", (error: NodeJS.ErrnoException) => callback(error));
  connect.end();
}
