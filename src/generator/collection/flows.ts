// The token flows a generated or injected collection carries an Authenticate request for, as the command line names them.

import { ImsAuthError } from "../../core/errors.js";

/**
 * The flows whose Authenticate request a collection carries; the collection-level script handles every flow either way.
 * oauth-user (a user's sign-in) is never in the default: it makes the user collection (collections/adobe-ims-user…),
 * whose authorization is Postman's OAuth 2.0 sign-in, and the oauth-user environment template.
 */
export type FlowOption = "jwt" | "oauth-s2s" | "oauth-user";
export const COLLECTION_FLOWS: readonly FlowOption[] = ["oauth-s2s", "jwt"];
const KNOWN_FLOWS: readonly FlowOption[] = [...COLLECTION_FLOWS, "oauth-user"];

/** "jwt,oauth-s2s" → the flows, in our order; an unknown or missing name is refused. */
export function parseFlows(text: string): FlowOption[] {
  const names = text
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !KNOWN_FLOWS.includes(name as FlowOption));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `unknown flow ${unknown.map((name) => `"${name}"`).join(", ")}` : "no flow given";
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `${what}: use ${COLLECTION_FLOWS.join(", ")} or both, comma-separated (jwt,oauth-s2s); or oauth-user, the user collection.`,
    );
  }
  return KNOWN_FLOWS.filter((flow) => names.includes(flow));
}
