// The console line of a request our scripts skip, worded for whoever watches Postman's (or Bruno's) console.
// No apostrophes in these lines: Newman's CLI prints a console string holding one in double quotes, escaped.

import { FLOW_VALUE, otherFlowChosen, type AuthFlow } from "../../core/config/flow.js";
import { sampleIsOff, type SampleSwitch } from "../../core/config/sample-checks.js";
import type { VariableSource } from "../../core/config/variables.js";

/** How the environment's credential is named, and which request of the Authenticate folder gets its token. */
const HELD: Record<AuthFlow, (mark: string) => string> = {
  token: () => "holds only a pasted ACCESS_TOKEN, which every other request sends as it is",
  jwt: (mark) => `holds a service account (JWT) credential (${mark} is set): the JWT request of the Authenticate folder gets its token`,
  s2s: () =>
    "holds an OAuth Server-to-Server credential (no PRIVATE_KEY): the OAuth Server-to-Server request of the Authenticate folder gets its token",
  user: () => "holds a user sign-in (REFRESH_TOKEN is set): every request gets the token of that user by itself",
};

/**
 * Undefined when the Authenticate request for `flow` (named `requestName`) is the one to run; else the one line that
 * says why it is skipped and what to set to use it.
 */
export function tokenRequestSkipNote(source: VariableSource, flow: Exclude<AuthFlow, "token">, requestName: string): string | undefined {
  const other = otherFlowChosen(source, flow);
  if (other === undefined) return undefined;
  const why = other.forcedBy !== undefined ? `AUTH_FLOW is ${other.forcedBy}` : `this environment ${HELD[other.chosen](other.jwtMark)}`;
  return `postman-ims-auth: skipped "${requestName}": ${why}. To use this request, set AUTH_FLOW to ${FLOW_VALUE[flow]}.`;
}

/** Undefined when the sample folder is on; else the line that says how to turn it on. */
export function sampleOffNote(source: VariableSource, sample: SampleSwitch, requestName: string): string | undefined {
  if (!sampleIsOff(source, sample)) return undefined;
  return `postman-ims-auth: skipped "${requestName}": the ${sample.folder} samples are off; set ${sample.on} to turn them on.`;
}
