// A user's sign-in left to the Postman app: AUTH_FLOW is user and there is no REFRESH_TOKEN to renew with.

import type { VariableSource } from "../config/variables.js";

/** AUTH_FLOW's names for the user flow (core/config/flow.ts reads the same), kept here so the per-request script stays small. */
const USER_FLOW_NAMES = ["user", "oauth-user", "refresh_token", "refresh-token"];

/**
 * True when the collection-level script should neither renew nor refuse: the user signs in with the Postman
 * app's OAuth 2.0 helper, whose token the app puts on each request (and renews) after our script has run,
 * unseen by scripts. Cheap on purpose: the per-request script asks it before loading anything.
 */
export function signInLeftToApp(source: VariableSource): boolean {
  const flow = String(source("AUTH_FLOW") ?? "")
    .trim()
    .toLowerCase();
  if (!USER_FLOW_NAMES.includes(flow)) return false;
  const refresh = source("REFRESH_TOKEN");
  return refresh === undefined || refresh === null || String(refresh).trim() === "";
}
