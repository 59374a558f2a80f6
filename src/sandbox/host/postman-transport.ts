// The sandbox's transport for token requests: pm.sendRequest (callbacks only, as Newman's sandbox has no promise form).

import { TOKEN_REQUEST_HEADERS, type Transport } from "../../core/ims/token-exchange.js";
import type { Postman } from "./postman.js";

export function postmanTransport(pm: Postman): Transport {
  return (request, callback) =>
    pm.sendRequest(
      {
        url: request.url,
        method: "POST",
        header: TOKEN_REQUEST_HEADERS.map(([key, value]) => ({ key, value })),
        body: { mode: "urlencoded", urlencoded: request.form.map(([key, value]) => ({ key, value })) },
      },
      (error, response) =>
        callback(
          error,
          response && { status: response.code, text: response.text(), retryAfter: response.headers.get("Retry-After") ?? undefined },
        ),
    );
}
