// Emulators of one process share one signing key and certificate (made once, as IMS keeps its key), yet each
// accepts only the tokens it issued itself.

import { request } from "node:https";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import { makeThrowawayCredential } from "../../src/emulator/service/integration.js";

const credential = makeThrowawayCredential({ scopes: ["openid", "AdobeID"] });
let first: ImsEmulator;
let second: ImsEmulator;
beforeAll(async () => {
  first = await ImsEmulator.start({ integrations: [credential.integration] });
  second = await ImsEmulator.start({ integrations: [credential.integration] });
});
afterAll(async () => Promise.all([first.close(), second.close()]));

/** One HTTPS request to `emulator`, trusting its certificate: status and body text. */
function call(emulator: ImsEmulator, method: string, path: string, headers: Record<string, string>, body = "") {
  const [host, port] = emulator.host.split(":");
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ host, port: Number(port), path, method, headers, ca: emulator.caCertificatePem }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

it("two emulators present the same certificate, and a token one issued is refused by the other", async () => {
  expect(second.caCertificatePem).toBe(first.caCertificatePem);
  const { clientId, clientSecret, orgId } = credential.integration;
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "openid" });
  const issued = await call(first, "POST", "/ims/token/v3", { "content-type": "application/x-www-form-urlencoded" }, form.toString());
  expect(issued.status).toBe(200);
  const token = String((JSON.parse(issued.text) as { access_token: unknown }).access_token);
  const api = { authorization: `Bearer ${token}`, "x-api-key": clientId, "x-gw-ims-org-id": orgId };
  const path = "/data/foundation/sandbox-management/sandboxes";
  expect((await call(first, "GET", path, api)).status).toBe(200);
  expect((await call(second, "GET", path, api)).status).toBe(401);
});
