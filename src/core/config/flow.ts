// Which way to get a token: chosen from the variables, or forced by AUTH_FLOW; unclear setups are named errors.

import { optionalValue } from "./checks.js";
import { ImsAuthError } from "../errors.js";
import type { VariableSource } from "./variables.js";
import { vaultKey } from "./vault-reference.js";

/** jwt: service account; s2s: OAuth Server-to-Server; user: a user's sign-in, renewed with REFRESH_TOKEN; token: a pasted ACCESS_TOKEN used as it is. */
export type AuthFlow = "jwt" | "s2s" | "user" | "token";

const NAMES: Record<string, AuthFlow> = {
  jwt: "jwt",
  "service-account": "jwt",
  "oauth-s2s": "s2s",
  s2s: "s2s",
  client_credentials: "s2s",
  "client-credentials": "s2s",
  token: "token",
  user: "user",
  "oauth-user": "user",
  refresh_token: "user",
  "refresh-token": "user",
};

/** AUTH_FLOW's value for each flow, as the variable's description and the notes name it. */
export const FLOW_VALUE: Record<AuthFlow, string> = { jwt: "jwt", s2s: "oauth-s2s", user: "user", token: "token" };

/** Filled in, or a {{vault:…}} reference: the vault's secret is read once the flow is known. */
function isSet(source: VariableSource, name: string): boolean {
  return optionalValue(source, name) !== "" || vaultKey(source(name)) !== undefined;
}

export function chooseFlow(source: VariableSource): AuthFlow {
  const forced = optionalValue(source, "AUTH_FLOW").toLowerCase();
  if (forced !== "") {
    const flow = NAMES[forced];
    if (!flow) {
      throw new ImsAuthError(
        "ERR_INVALID_VARIABLE",
        `AUTH_FLOW is "${forced}" but must be jwt, oauth-s2s, user or token (or empty to choose from the variables).`,
        "AUTH_FLOW",
      );
    }
    return flow;
  }
  const has = (name: string) => isSet(source, name);
  // A user's sign-in: a Web App credential has a secret and scopes too, so REFRESH_TOKEN decides before them.
  if (has("REFRESH_TOKEN")) {
    if (!has("PRIVATE_KEY")) return "user";
    throw new ImsAuthError(
      "ERR_AUTH_FLOW",
      "PRIVATE_KEY (a service account, JWT flow) and REFRESH_TOKEN (a user's sign-in) are both set. Set AUTH_FLOW to jwt or user.",
      "AUTH_FLOW",
    );
  }
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
  if (has("SCOPES")) return "s2s";
  // META_SCOPE belongs to the JWT flow alone: with it and a secret but no key, the JWT checks say the key is missing.
  if (has("CLIENT_SECRET")) return has("META_SCOPE") ? "jwt" : "s2s";
  if (has("ACCESS_TOKEN")) return "token";
  throw new ImsAuthError(
    "ERR_AUTH_FLOW",
    "No credentials to get an access token: set API_KEY, CLIENT_SECRET and SCOPES (OAuth Server-to-Server), " +
      "or PRIVATE_KEY with IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET and META_SCOPE (JWT), " +
      "or API_KEY, CLIENT_SECRET and a REFRESH_TOKEN from `postman-ims-auth login` (a user's sign-in), or paste an ACCESS_TOKEN.",
    "AUTH_FLOW",
  );
}

/** Why the Authenticate request of another flow is not the one to run: what these variables choose, and how. */
export interface OtherFlow {
  readonly chosen: AuthFlow;
  /** AUTH_FLOW's value, when it forced the choice. */
  readonly forcedBy: string | undefined;
  /** What marks a JWT credential: its key, or META_SCOPE while the key is not pasted yet. */
  readonly jwtMark: "PRIVATE_KEY" | "META_SCOPE";
}

/**
 * Whether the Authenticate request for `flow` is the one these variables call for, chosen as the
 * collection-level script chooses: undefined when it is (or when no credential or an unclear mix is
 * set: then its own checks name what is missing), else what was chosen instead. An AUTH_FLOW that
 * names no flow is thrown, as everywhere.
 */
export function otherFlowChosen(source: VariableSource, flow: Exclude<AuthFlow, "token">): OtherFlow | undefined {
  let chosen: AuthFlow;
  try {
    chosen = chooseFlow(source);
  } catch (error) {
    if (error instanceof ImsAuthError && error.variable === "AUTH_FLOW" && error.code === "ERR_INVALID_VARIABLE") throw error;
    return undefined;
  }
  if (chosen === flow) return undefined;
  const forced = optionalValue(source, "AUTH_FLOW");
  return { chosen, forcedBy: forced === "" ? undefined : forced, jwtMark: isSet(source, "PRIVATE_KEY") ? "PRIVATE_KEY" : "META_SCOPE" };
}
