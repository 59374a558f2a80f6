// Body of the token requests' test script, as a function of `pm` (Postman's, or the Bruno adapter's).

import { configurationKey } from "../../core/config/configuration-key.js";
import { ImsAuthError } from "../../core/errors.js";
import { isAemMetascopes, readTokenResponse, type IssuedToken, type IssuingFlow } from "../../core/ims/ims-response.js";
import { failTest, resolvedSource, storeVariable, type Postman } from "../host/postman.js";
import { forget, remember } from "../renewal/failure-memo.js";
import { storeWhereFound } from "../host/store-where-found.js";
import { storeBinding } from "../renewal/stored-token.js";

/** The Authenticate requests: stores ACCESS_TOKEN and its expiry, or fails with IMS's reason and a hint. */
export function tokenResponse(pm: Postman): void {
  // One script serves every exchange; their expires_in units differ, so the path tells them apart, and the grant v3's two.
  const form = pm.request.body?.urlencoded;
  const flow: IssuingFlow = !pm.request.url.getPath().includes("/ims/token/v3")
    ? "jwt"
    : String(form?.get?.("grant_type") ?? "") === "refresh_token"
      ? "user"
      : "s2s";
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
    const secrets = ["client_secret", "jwt_token", "refresh_token"].map((key) => String(form?.get?.(key) ?? ""));
    const aem = flow === "jwt" && isAemMetascopes(String(pm.variables.get("META_SCOPE") ?? ""));
    token = readTokenResponse(flow, pm.response.code, pm.response.text(), Date.now(), secrets, aem);
  } catch (error) {
    // Remembered as the automatic authentication remembers its own failures: the requests after this
    // one report it again instead of asking IMS with the same refused values.
    remember(pm, configurationKey(resolvedSource(pm)), error, Date.now());
    failTest(pm, "IMS issued an access token", error);
    return;
  }
  forget(pm);
  storeVariable(pm, "ACCESS_TOKEN", token.accessToken);
  storeVariable(pm, "ACCESS_TOKEN_EXPIRES_AT", String(token.expiresAt));
  if (token.refreshToken !== undefined) storeWhereFound(pm, "REFRESH_TOKEN", token.refreshToken);
  storeBinding(pm, token.accessToken, resolvedSource(pm));
  const stored = pm.variables.get("ACCESS_TOKEN") === token.accessToken;
  pm.test("IMS issued an access token", () => undefined);
  pm.test("ACCESS_TOKEN is stored for the next requests", () => {
    if (!stored) throw new Error("ACCESS_TOKEN could not be stored: another variable scope shadows it.");
  });
}
