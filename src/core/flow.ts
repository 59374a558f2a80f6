// Which way to get a token: chosen from the variables, or forced by AUTH_FLOW; unclear setups are named errors.

import { optionalValue } from "./checks.js";
import { ImsAuthError } from "./errors.js";
import type { VariableSource } from "./variables.js";

/** jwt: service account; s2s: OAuth Server-to-Server; token: a pasted ACCESS_TOKEN used as it is. */
export type AuthFlow = "jwt" | "s2s" | "token";

const NAMES: Record<string, AuthFlow> = {
  jwt: "jwt",
  "service-account": "jwt",
  "oauth-s2s": "s2s",
  s2s: "s2s",
  client_credentials: "s2s",
  "client-credentials": "s2s",
  token: "token",
};

export function chooseFlow(source: VariableSource): AuthFlow {
  const forced = optionalValue(source, "AUTH_FLOW").toLowerCase();
  if (forced !== "") {
    const flow = NAMES[forced];
    if (!flow) {
      throw new ImsAuthError(
        "ERR_INVALID_VARIABLE",
        `AUTH_FLOW is "${forced}" but must be jwt, oauth-s2s or token (or empty to choose from the variables).`,
        "AUTH_FLOW",
      );
    }
    return flow;
  }
  const has = (name: string) => optionalValue(source, name) !== "";
  if (has("PRIVATE_KEY")) {
    if (!has("META_SCOPE") && has("SCOPES")) {
      throw new ImsAuthError(
        "ERR_AUTH_FLOW",
        "PRIVATE_KEY is set (JWT flow) but META_SCOPE is empty while SCOPES is set (OAuth Server-to-Server). " +
          "Set AUTH_FLOW to jwt or oauth-s2s, or fill in META_SCOPE for the JWT flow.",
        "AUTH_FLOW",
      );
    }
    return "jwt";
  }
  if (has("SCOPES") || has("CLIENT_SECRET")) return "s2s";
  if (has("ACCESS_TOKEN")) return "token";
  throw new ImsAuthError(
    "ERR_AUTH_FLOW",
    "No credentials to get an access token: set API_KEY, CLIENT_SECRET and SCOPES (OAuth Server-to-Server), " +
      "or PRIVATE_KEY with IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET and META_SCOPE (JWT), " +
      "or paste an ACCESS_TOKEN.",
    "AUTH_FLOW",
  );
}
