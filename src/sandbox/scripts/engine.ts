// The slow path, evaluated only when a token must be obtained: flows, checks, IMS calls and the signer (jsrsasign).

import { createJwtAssertion } from "../../core/jws/jwt-assertion.js";
import { readJwtConfig } from "../../core/config/jwt-config.js";
import type { VariableSource } from "../../core/config/variables.js";
import { jwtExchangeForm } from "../../core/ims/jwt-exchange-form.js";
import type { SandboxHost } from "../host/host.js";
import { refuse, resolvedSource, type Postman } from "../host/postman.js";
import { withVaultValues } from "../host/vault.js";
import { renewToken } from "../renewal/token-renewal.js";

// For the tests and the benchmark, which evaluate this engine as the scripts do and sign with it.
export { loadPrivateKey } from "../../core/keys/private-key.js";
export { signRs256, JWT_HEADER } from "../../core/jws/sign-jsrsasign.js";
export { createJwtAssertion };

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

/** "IMS: JWT Generate + Auth via User Token": read vault values, check the variables, sign, and fill the form. */
export function jwtExchange(pm: Postman, host: SandboxHost): void {
  withVaultValues(
    pm,
    host,
    resolvedSource(pm),
    (source) => signAndFill(pm, source),
    (problems) => refuse(pm, problems, JWT_TEST),
  );
}

function signAndFill(pm: Postman, source: VariableSource): void {
  const checked = readJwtConfig(source);
  if (!checked.ok) {
    // Nothing reaches IMS with a bad configuration: each problem is its own failed test.
    refuse(pm, checked.problems, JWT_TEST);
    return;
  }
  const config = checked.value;
  try {
    const jwt = createJwtAssertion(config, Date.now());
    const form = pm.request.body?.urlencoded;
    for (const [key, value] of jwtExchangeForm(config, jwt)) form?.upsert({ key, value });
  } catch (error) {
    refuse(pm, [error], JWT_TEST);
  }
}
