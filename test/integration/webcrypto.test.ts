// The engine's signers inside each runtime's own sandbox: WebCrypto in the Postman app's (sandbox 6.7), none in Newman's (4.7).

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxDir } from "../../src/generator/files/paths.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"] });
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

/**
 * A pre-request script that carries the compiled engine, signs the same claims with jsrsasign and,
 * where the sandbox hands it crypto.subtle, with WebCrypto (no fallback here), and sends the
 * WebCrypto token (else jsrsasign's) to the emulator's JWT exchange, which verifies it.
 */
function signingCollection(): unknown {
  const script = [
    readFileSync(`${sandboxDir()}/engine.js`, "utf8"),
    `
var engine = __imsAuthEngine;
var subtle = engine.webCryptoSigner(typeof crypto === "undefined" ? undefined : crypto);
var v = function (name) { return pm.variables.get(name); };
var claims = { exp: Math.floor(Date.now() / 1000) + 300, iss: v("IMS_ORG"), sub: v("TECHNICAL_ACCOUNT_ID"), aud: "https://" + v("IMS") + "/c/" + v("API_KEY") };
claims["https://" + v("IMS") + "/s/ent_dataservices_sdk"] = true;
var payload = JSON.stringify(claims);
var key = engine.loadPrivateKey(v("PRIVATE_KEY"));
var viaJsrsasign = engine.signRs256(engine.JWT_HEADER, payload, key);
pm.environment.set("SIGNER", subtle ? "webcrypto" : "jsrsasign");
pm.environment.set("JWT_JSRSASIGN", viaJsrsasign);
if (subtle) {
  var hold = setTimeout(function () {}, 20000);
  engine.signRs256WebCrypto(engine.JWT_HEADER, payload, key, subtle).then(function (jwt) {
    pm.environment.set("JWT_WEBCRYPTO", jwt);
    pm.environment.set("JWT_SENT", jwt);
  }, function (error) {
    pm.environment.set("JWT_WEBCRYPTO", "failed: " + (error && error.code));
  }).then(function () { clearTimeout(hold); });
} else {
  pm.environment.set("JWT_SENT", viaJsrsasign);
}`,
  ].join("\n");
  return {
    info: { name: "signers", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
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
      ...["SIGNER", "JWT_JSRSASIGN", "JWT_WEBCRYPTO", "JWT_SENT"].map((key) => ({ key, value: "", type: "default" })),
    ],
  };
};

describe.each([
  ["newman", runCollection, "jsrsasign"],
  ["postman-runtime", runWithPostmanRuntime, "webcrypto"],
] as Array<[string, Runner, string]>)("%s", (_name, runner, signer) => {
  it(`the engine picks ${signer}; the emulator verifies the token it signed; the console stays quiet`, async () => {
    const result = await runner({ collection: signingCollection(), environment: environment(), caFile: ctx.caFile });
    expect(result.failures).toEqual([]);
    expect(result.environment.SIGNER).toBe(signer);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.assertions.map((assertion) => assertion.outcome)).toEqual(["accepted"]);
    expect(ctx.emulator.assertions[0]?.token).toBe(result.environment.JWT_JSRSASIGN);
    if (signer === "webcrypto") expect(result.environment.JWT_WEBCRYPTO).toBe(result.environment.JWT_JSRSASIGN);
    else expect(result.environment.JWT_WEBCRYPTO).toBe("");
    expect(consoleProblems(result.console)).toEqual([]);
  });
});
