// The slow path, evaluated only when a token must be obtained: flows, checks, IMS calls and the signers (jsrsasign, WebCrypto).

import { createJwtAssertion, createJwtAssertionAsync } from "../../core/jws/jwt-assertion.js";
import { readJwtConfig } from "../../core/config/jwt-config.js";
import type { VariableSource } from "../../core/config/variables.js";
import { jwtExchangeForm } from "../../core/ims/jwt-exchange-form.js";
import { webCryptoSigner } from "../../core/jws/sign-webcrypto.js";
import type { SandboxHost } from "../host/host.js";
import { refuse, resolvedSource, type Postman } from "../host/postman.js";
import { holdUntilSettled } from "../host/promise-hold.js";
import { withVaultValues } from "../host/vault.js";
import { renewToken } from "../renewal/token-renewal.js";

// For the tests and the benchmark, which evaluate this engine as the scripts do and sign with each path.
export { loadPrivateKey } from "../../core/keys/private-key.js";
export { signRs256, JWT_HEADER } from "../../core/jws/sign-jsrsasign.js";
export { signRs256WebCrypto, webCryptoSigner } from "../../core/jws/sign-webcrypto.js";
export { createJwtAssertion, createJwtAssertionAsync };

const AUTO_AUTH_TEST = "Adobe IMS access token";
const JWT_TEST = "JWT signing";

/** Collection-level: the stored token is missing or about to expire; get one or stop the request with the reason. */
export function autoAuth(pm: Postman, host: SandboxHost): void {
  const done = (problems?: readonly unknown[]): void => {
    if (problems) refuse(pm, problems, AUTO_AUTH_TEST);
  };
  try {
    const plain = resolvedSource(pm);
    withVaultValues(pm, host, plain, (source) => renewToken(pm, host, source, plain, done), done, ["ACCESS_TOKEN"]);
  } catch (error) {
    refuse(pm, [error], AUTO_AUTH_TEST);
  }
}

/** "IMS: JWT Generate + Auth via User Token": read vault values, check the variables, sign (WebCrypto where the sandbox has it), and fill the form. */
export function jwtExchange(pm: Postman, host: SandboxHost): void {
  withVaultValues(
    pm,
    host,
    resolvedSource(pm),
    (source) => signAndFill(pm, host, source),
    (problems) => refuse(pm, problems, JWT_TEST),
  );
}

function signAndFill(pm: Postman, host: SandboxHost, source: VariableSource): void {
  const checked = readJwtConfig(source);
  if (!checked.ok) {
    // Nothing reaches IMS with a bad configuration: each problem is its own failed test.
    refuse(pm, checked.problems, JWT_TEST);
    return;
  }
  const config = checked.value;
  const fill = (jwt: string): void => {
    const form = pm.request.body?.urlencoded;
    for (const [key, value] of jwtExchangeForm(config, jwt)) form?.upsert({ key, value });
  };
  const fail = (error: unknown): void => refuse(pm, [error], JWT_TEST);
  const subtle = webCryptoSigner(host.crypto);
  try {
    if (subtle) holdUntilSettled(host, createJwtAssertionAsync(config, Date.now(), subtle), fill, fail);
    else fill(createJwtAssertion(config, Date.now()));
  } catch (error) {
    fail(error);
  }
}
