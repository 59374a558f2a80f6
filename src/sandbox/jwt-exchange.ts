// Pre-request script of "IMS: JWT Generate + Auth via User Token": checks the variables, signs the JWT, fills the form.

import { ImsAuthError } from "../core/errors.js";
import { readJwtConfig } from "../core/jwt-config.js";
import { createJwtAssertion, jwtExchangeForm } from "../core/jwt-exchange.js";
import { failTest, variableSource, type Postman } from "./postman.js";

declare const pm: Postman;

function run(): void {
  const checked = readJwtConfig(variableSource(pm));
  let problems: unknown[] = checked.ok ? [] : checked.problems;
  if (checked.ok) {
    try {
      const jwt = createJwtAssertion(checked.value, Date.now());
      const form = pm.request.body?.urlencoded;
      if (!form) throw new ImsAuthError("ERR_SIGNING", "This request has no x-www-form-urlencoded body to carry the JWT.");
      for (const [key, value] of jwtExchangeForm(checked.value, jwt)) form.upsert({ key, value });
      return;
    } catch (error) {
      problems = [error];
    }
  }
  // Nothing reaches IMS with a bad configuration: each problem is its own failed test.
  for (const problem of problems) {
    const variable = problem instanceof ImsAuthError && problem.variable ? problem.variable : "authentication";
    failTest(pm, `${variable} is set correctly`, problem);
  }
  pm.execution.skipRequest();
}

run();
