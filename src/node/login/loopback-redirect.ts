// The HTTPS server on localhost that receives the browser's redirect after a sign-in, with a certificate made for it on the spot.

import { createServer, type Server } from "node:https";
import { ImsAuthError } from "../../core/errors.js";
import { makeRsaKeyPair, makeSelfSignedCertificate } from "../../emulator/certificate.js";

export interface LoopbackRedirect {
  /** The first request to the redirect URI's path: the URL the browser was sent to, with the code (or the error) and the state. */
  readonly redirected: Promise<URL>;
  close(): Promise<void>;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;

/** Loopback hosts only: a redirect URI anywhere else is a page the user copies the address of (login's paste mode). */
export function isLoopback(uri: URL): boolean {
  return uri.protocol === "https:" && ["localhost", "127.0.0.1", "[::1]"].includes(uri.hostname);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/**
 * Listens where `redirectUri` points (localhost: 127.0.0.1 and ::1, as browsers try both) with a self-signed
 * certificate for localhost made now: IMS wants HTTPS redirect URIs even on localhost, and the browser asks
 * the user once to accept that certificate. Answers the browser with a page that says to go back to the terminal.
 */
export async function listenForRedirect(redirectUri: URL): Promise<LoopbackRedirect> {
  const keys = makeRsaKeyPair(2048);
  const cert = makeSelfSignedCertificate(keys, {
    commonName: "localhost",
    days: 1,
    dnsNames: ["localhost"],
    ipAddresses: ["127.0.0.1", "::1"],
  });
  let deliver: (url: URL) => void = () => undefined;
  const redirected = new Promise<URL>((resolve) => {
    deliver = resolve;
  });
  const servers: Server[] = [];
  const handler = (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => {
    const url = new URL(request.url ?? "/", redirectUri);
    if (url.pathname !== redirectUri.pathname) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not the sign-in redirect.");
      return;
    }
    const failed = url.searchParams.has("error");
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
      .end(
        failed
          ? PAGE("Sign-in did not complete", "The terminal running postman-ims-auth login says why. You can close this tab.")
          : PAGE("Signed in", "Return to the terminal: postman-ims-auth login finishes there. You can close this tab."),
      );
    deliver(url);
  };
  const port = Number(redirectUri.port || 443);
  const hosts = redirectUri.hostname === "localhost" ? ["127.0.0.1", "::1"] : [redirectUri.hostname.replace(/^\[|\]$/g, "")];
  for (const [index, host] of hosts.entries()) {
    const server = createServer({ key: keys.privateKeyPem, cert }, handler);
    try {
      await listen(server, port, host);
      servers.push(server);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // ::1 may not exist on this machine: 127.0.0.1 alone serves localhost then.
      if (index > 0 && code !== "EADDRINUSE") continue;
      await Promise.all(servers.map((open) => new Promise((resolve) => open.close(resolve))));
      throw new ImsAuthError(
        "ERR_INVALID_OPTION",
        `port ${port} on ${host} ${code === "EADDRINUSE" ? "is in use" : `cannot be listened on (${code ?? "an error"})`}: give --redirect-uri with another port, one the credential's redirect URI pattern allows (for example https://localhost:8444/callback).`,
      );
    }
  }
  return {
    redirected,
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
