// Body of the collection-level 401 watcher (after every response), as a function of `pm` (Postman's, or the Bruno adapter's).

import { signInLeftToApp } from "../../core/ims/app-sign-in.js";
import { ImsAuthError } from "../../core/errors.js";
import { BINDING_VARIABLE, readBinding } from "../../core/ims/token-binding.js";
import { failTest, isTokenEndpoint, resolvedSource, storeVariable, type Postman } from "../host/postman.js";

/**
 * A 401 means the token was revoked or expired early: the next request renews it, once per token. When the
 * token obtained because of a 401 gets a 401 too, the token is not what the API refuses: it is kept (no
 * renewal on every request) and the likely cause is said once. A collection-level script, so that requests
 * added after the collection was made are watched too; it reads nothing unless the answer is a 401.
 */
export function watch401(pm: Postman): void {
  if (pm.response?.code !== 401 || isTokenEndpoint(pm)) return;
  // A user's sign-in left to the Postman app's OAuth 2.0 helper, with no token from it (or none at all: Newman).
  if (signInLeftToApp(resolvedSource(pm))) {
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
  if (!sentStoredToken(pm)) return;
  const stored = pm.variables.get(BINDING_VARIABLE);
  const binding = readBinding(stored);
  if (binding?.after401 === "kept") return;
  if (binding?.after401 === "renewed") {
    storeVariable(pm, BINDING_VARIABLE, `${binding.token}.${binding.credential}.kept`);
    console.warn(
      "postman-ims-auth: the API answered 401 Unauthorized to a token IMS issued just now, so the token is not what it refuses " +
        "and it is not renewed again. Likely causes: the API is not added to this credential's project in the Adobe Developer Console, " +
        "the credential lacks the product profile the API needs, or the request goes to another organization or environment than the credential's.",
    );
    return;
  }
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", "0");
  console.info("postman-ims-auth: the API answered 401 Unauthorized; ACCESS_TOKEN will be renewed before the next request.");
}

/** Only a 401 to the stored token says anything about it: requests with their own auth (none, basic, another token) get theirs. */
function sentStoredToken(pm: Postman): boolean {
  const token = pm.variables.get("ACCESS_TOKEN");
  const sent = pm.request.headers?.get("Authorization");
  return typeof token === "string" && token.trim() !== "" && typeof sent === "string" && sent.trim() === `Bearer ${token.trim()}`;
}
