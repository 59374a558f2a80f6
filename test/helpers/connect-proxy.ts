// A CONNECT proxy on 127.0.0.1 for tests: tunnels TCP and records each CONNECT target (nothing it relays is read).

import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

export interface ConnectProxy {
  readonly url: string;
  /** host:port of every CONNECT received, in order. */
  readonly targets: string[];
  /** Proxy-Authorization headers received. */
  readonly authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

/** `refuse`: answer every CONNECT with this status instead of tunnelling (407 asks for credentials). */
export async function startConnectProxy(options: { refuse?: number } = {}): Promise<ConnectProxy> {
  const targets: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_, response) => response.writeHead(405).end());
  server.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    targets.push(request.url ?? "");
    authorizations.push(request.headers["proxy-authorization"]);
    if (options.refuse !== undefined) {
      client.end(`HTTP/1.1 ${options.refuse} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (request.url ?? "").split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host ?? "", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on("error", end);
    client.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
