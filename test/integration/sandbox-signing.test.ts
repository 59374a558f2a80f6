// The engine's signer inside each runtime's own sandbox (Newman's 4.7, the Postman app's 6.7): RFC 7520's bytes, and a token IMS accepts.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxDir } from "../../src/files/paths.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { RFC7520_COMPACT, RFC7520_HEADER, RFC7520_PAYLOAD } from "../fixtures/rfc7520.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";
import { rfc7520PrivateKeyPem } from "../helpers/keys.js";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"] });
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

/**
 * A pre-request script that carries the compiled engine, signs RFC 7520 §4.1's header and payload with its
 * key, then signs the credential's claims and sends that token to the emulator's JWT exchange, which verifies it.
 */
function signingCollection(): unknown {
  const script = [
    readFileSync(`${sandboxDir()}/engine.js`, "utf8"),
    `
var engine = __imsAuthEngine;
var v = function (name) { return pm.variables.get(name); };
pm.environment.set("RFC7520_JWT", engine.signRs256(${JSON.stringify(RFC7520_HEADER)}, ${JSON.stringify(RFC7520_PAYLOAD)}, engine.loadPrivateKey(v("RFC7520_KEY"))));
var claims = { exp: Math.floor(Date.now() / 1000) + 300, iss: v("IMS_ORG"), sub: v("TECHNICAL_ACCOUNT_ID"), aud: "https://" + v("IMS") + "/c/" + v("API_KEY") };
claims["https://" + v("IMS") + "/s/ent_dataservices_sdk"] = true;
pm.environment.set("JWT_SENT", engine.signRs256(engine.JWT_HEADER, JSON.stringify(claims), engine.loadPrivateKey(v("PRIVATE_KEY"))));`,
  ].join("\n");
  return {
    info: { name: "signer", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "exchange",
        request: {
          method: "POST",
          url: "https://{{IMS}}/ims/exchange/jwt",
          body: {
            mode: "urlencoded",
            urlencoded: [
              { key: "client_id", value: "{{API_KEY}}" },
              { key: "client_secret", value: "{{CLIENT_SECRET}}" },
              { key: "jwt_token", value: "{{JWT_SENT}}" },
            ],
          },
        },
        event: [
          { listen: "prerequest", script: { exec: script.split("\n") } },
          { listen: "test", script: { exec: ['pm.test("IMS accepted the JWT", function () { pm.response.to.have.status(200); });'] } },
        ],
      },
    ],
  };
}

const environment = () => {
  const base = emulatorEnvironment(ctx.emulator, ctx.credential, { SCOPES: "" });
  return {
    ...base,
    values: [
      ...base.values,
      { key: "RFC7520_KEY", value: rfc7520PrivateKeyPem(), type: "secret" },
      ...["RFC7520_JWT", "JWT_SENT"].map((key) => ({ key, value: "", type: "default" })),
    ],
  };
};

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s", (_name, runner) => {
  it("jsrsasign gives RFC 7520 §4.1's token byte for byte; the emulator verifies the token it signed; the console stays quiet", async () => {
    const result = await runner({ collection: signingCollection(), environment: environment(), caFile: ctx.caFile });
    expect(result.failures).toEqual([]);
    expect(result.environment.RFC7520_JWT).toBe(RFC7520_COMPACT);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.assertions.map((assertion) => assertion.outcome)).toEqual(["accepted"]);
    expect(ctx.emulator.assertions[0]?.token).toBe(result.environment.JWT_SENT);
    expect(consoleProblems(result.console)).toEqual([]);
  });
});
