// Body of the API requests' 401 watcher, as a function of `pm` (Postman's, or the Bruno adapter's).

import { isImsRequest, storeVariable, type Postman } from "../host/postman.js";

/**
 * The 401 watcher in API requests' own test scripts: a 401 means the token was revoked or expired
 * early, so the next request renews it. Not a collection-level script: that would cost a script run per request.
 */
export function apiResponse(pm: Postman): void {
  if (!isImsRequest(pm) && pm.response?.code === 401) {
    storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", "0");
    console.info("postman-ims-auth: the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
  }
}
