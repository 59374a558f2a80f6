// Pre-request script of "IMS: JWT Generate + Auth via User Token": checks the variables, signs the JWT, fills the form.

import { readJwtConfig } from "../core/jwt-config.js";
import { jwtExchangeForm } from "../core/jwt-exchange.js";
import { refuse, variableSource, type Postman } from "./postman.js";
import { loadSigner } from "./signer-loader.js";

declare const pm: Postman;

function run(): void {
  const checked = readJwtConfig(variableSource(pm));
  if (!checked.ok) {
    // Nothing reaches IMS with a bad configuration: each problem is its own failed test.
    refuse(pm, checked.problems, "JWT signing");
    return;
  }
  try {
    const jwt = loadSigner(pm).createJwtAssertion(checked.value, Date.now());
    const form = pm.request.body?.urlencoded;
    for (const [key, value] of jwtExchangeForm(checked.value, jwt)) form?.upsert({ key, value });
  } catch (error) {
    refuse(pm, [error], "JWT signing");
  }
}

run();
