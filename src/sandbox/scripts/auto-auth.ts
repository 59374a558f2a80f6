// Collection-level pre-request script: before every API request, make sure ACCESS_TOKEN is valid for a while yet.

import { storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import { loadEngine } from "../engine/engine-loader.js";
import { sandboxHost } from "../host/host.js";
import { isImsRequest, refuse, variableSource, type Postman } from "../host/postman.js";

declare const pm: Postman;

function run(): void {
  if (isImsRequest(pm)) return;
  try {
    // The path of almost every request: a token with time left. Nothing else is read or unpacked.
    if (storedTokenIsFresh(variableSource(pm), Date.now())) return;
    loadEngine().autoAuth(pm, sandboxHost());
  } catch (error) {
    refuse(pm, [error], "Adobe IMS access token");
  }
}

run();
