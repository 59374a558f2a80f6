// Body of the API requests' 401 watcher, as a function of `pm` (Postman's, or the Bruno adapter's).

import { signInLeftToApp } from "../../core/ims/app-sign-in.js";
import { ImsAuthError } from "../../core/errors.js";
import { failTest, isImsRequest, storeVariable, variableSource, type Postman } from "../host/postman.js";

/**
 * The 401 watcher in API requests' own test scripts: a 401 means the token was revoked or expired
 * early, so the next request renews it. Not a collection-level script: that would cost a script run per request.
 */
export function apiResponse(pm: Postman): void {
  if (!isImsRequest(pm) && pm.response?.code === 401) {
    // A user's sign-in left to the Postman app's OAuth 2.0 helper, with no token from it (or none at all: Newman).
    if (signInLeftToApp(variableSource(pm))) {
      failTest(
        pm,
        "REFRESH_TOKEN is set correctly",
        new ImsAuthError(
          "ERR_MISSING_VARIABLE",
          "The API answered 401 and there is no REFRESH_TOKEN to get the user's token with. In the Postman app: the collection's " +
            "Authorization tab → Get New Access Token, then Use Token. Elsewhere (Newman, the Postman CLI, Bruno): " +
            "`postman-ims-auth login --env FILE` puts a REFRESH_TOKEN in the environment.",
          "REFRESH_TOKEN",
        ),
      );
      return;
    }
    storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", "0");
    console.info("postman-ims-auth: the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
  }
}
