// Sample API folders: the variable that switches a folder on, and checks of every variable its requests send.

import { collect, optionalValue, requireBareHost, requireMatch, requireValue } from "./checks.js";
import type { ImsAuthError } from "../errors.js";
import { requireClientId, requireOrgId } from "./identity-checks.js";
import type { VariableSource } from "./variables.js";
import { vaultKey } from "./vault-reference.js";

/** What a sample request's guard is given by the line that wraps it in the collection. */
export interface SampleSwitch {
  /** The folder, as the console note names it. */
  readonly folder: string;
  /** The variable whose value turns the folder on (AEM_HOST for AEM). */
  readonly on: string;
  /** Every variable the request sends in its URL and headers (the switch included). */
  readonly needs: readonly string[];
}

/** Whether a sample folder is off: its switch variable is empty (the sandbox says how to turn it on). */
export function sampleIsOff(source: VariableSource, sample: SampleSwitch): boolean {
  return optionalValue(source, sample.on) === "";
}

/** A variable's own check, by its name: hosts bare, identifiers shaped as Adobe gives them. */
function check(source: VariableSource, name: string): void {
  if (name === "API_KEY") requireClientId(source);
  else if (name === "IMS_ORG") requireOrgId(source);
  else if (name === "AEM_HOST") requireBareHost(name, requireValue(source, name), "author-p123-e456.adobeaemcloud.com");
  else if (name.endsWith("_HOST")) requireBareHost(name, requireValue(source, name), "platform.adobe.io");
  else if (name === "SANDBOX_NAME")
    requireMatch(
      name,
      requireValue(source, name),
      /^[a-z0-9][a-z0-9-]*$/,
      "must be an Experience Platform sandbox name such as prod (lowercase letters, digits and -)",
    );
  else requireValue(source, name);
}

/**
 * Every problem with the variables a switched-on sample request sends, each naming its variable. Where the
 * runner has a vault (`vault`), a {{vault:…}} value is Postman's to fill in when it sends the request: not
 * checked, so no request reads the vault; elsewhere it fails, naming the fix.
 */
export function checkSampleVariables(source: VariableSource, sample: SampleSwitch, vault = false): ImsAuthError[] {
  const problems: ImsAuthError[] = [];
  for (const name of sample.needs) {
    if (vault && vaultKey(source(name)) !== undefined) continue;
    collect(problems, () => check(source, name));
  }
  return problems;
}
