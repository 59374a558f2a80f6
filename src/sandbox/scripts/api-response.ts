// The 401 watcher, added to API requests' own test scripts: a 401 means the token was revoked or expired early,
// so the next request renews it. Not a collection-level script: that would cost a script run per request.

import { isImsRequest, storeVariable, type Postman } from "../host/postman.js";

declare const pm: Postman;

if (!isImsRequest(pm) && pm.response?.code === 401) {
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", "0");
  console.info("postman-ims-auth: the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
}
