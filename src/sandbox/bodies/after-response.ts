// What our test scripts do, as functions of `pm`: the Postman entries call them with Postman's `pm`, the Bruno entries with the adapter's.

import { ImsAuthError } from "../../core/errors.js";
import { readTokenResponse, type IssuedToken, type IssuingFlow } from "../../core/ims/ims-response.js";
import { failTest, isImsRequest, storeVariable, type Postman } from "../host/postman.js";

/** The Authenticate requests: stores ACCESS_TOKEN and its expiry, or fails with IMS's reason and a hint. */
export function tokenResponse(pm: Postman): void {
  // One script serves both exchanges; their expires_in units differ, so the path tells them apart.
  const flow: IssuingFlow = pm.request.url.getPath().includes("/ims/token/v3") ? "s2s" : "jwt";
  let token: IssuedToken;
  try {
    // No response at all (TLS, DNS, proxy): say so, rather than "HTTP undefined".
    if (typeof pm.response?.code !== "number") {
      throw new ImsAuthError(
        "ERR_IMS_UNREACHABLE",
        "No answer from IMS (network, TLS certificate or proxy problem). Check IMS and your connection.",
      );
    }
    // What the request sent that IMS must not see quoted back in our message.
    const form = pm.request.body?.urlencoded;
    const secrets = ["client_secret", "jwt_token"].map((key) => String(form?.get?.(key) ?? ""));
    token = readTokenResponse(flow, pm.response.code, pm.response.text(), Date.now(), secrets);
  } catch (error) {
    failTest(pm, "IMS issued an access token", error);
    return;
  }
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
  const stored = pm.variables.get("ACCESS_TOKEN") === token.accessToken;
  pm.test("IMS issued an access token", () => undefined);
  pm.test("ACCESS_TOKEN is stored for the next requests", () => {
    if (!stored) throw new Error("ACCESS_TOKEN could not be stored: another variable scope shadows it.");
  });
}

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
