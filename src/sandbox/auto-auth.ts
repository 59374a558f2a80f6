// Collection-level pre-request script: before every API request, make sure ACCESS_TOKEN is valid for a while yet.

import { storedTokenIsFresh } from "../core/token-cache.js";
import { isImsRequest, refuse, variableSource, type Postman } from "./postman.js";
import { renewToken } from "./token-renewal.js";

declare const pm: Postman;

const TEST_NAME = "Adobe IMS access token";

function run(): void {
  if (isImsRequest(pm)) return;
  const source = variableSource(pm);
  try {
    // The path of almost every request: a token with time left. Nothing else is read or loaded.
    if (storedTokenIsFresh(source, Date.now())) return;
    renewToken(pm, source, (problems) => {
      if (problems) refuse(pm, problems, TEST_NAME);
    });
  } catch (error) {
    refuse(pm, [error], TEST_NAME);
  }
}

run();
