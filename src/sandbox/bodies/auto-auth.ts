// Body of the collection-level pre-request script, as a function of `pm` (Postman's, or the Bruno adapter's).

import { signInLeftToApp } from "../../core/ims/app-sign-in.js";
import { storedTokenIsBound } from "../../core/ims/token-binding.js";
import { storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import { loadEngine } from "../engine/engine-loader.js";
import type { SandboxHost } from "../host/host.js";
import { isTokenEndpoint, refuse, resolvedSource, type Postman } from "../host/postman.js";
import { APP_SIGN_IN_NOTE } from "../notes/app-sign-in-note.js";

const APP_NOTE_SAID = "IMS_AUTH_APP_NOTE_SAID";

/** Collection level: before every API request, make sure ACCESS_TOKEN is valid for a while yet. */
export function autoAuth(pm: Postman, host: () => SandboxHost): void {
  if (isTokenEndpoint(pm)) return;
  try {
    // The path of almost every request: a token with time left, obtained for the credential the variables hold now.
    // Nothing else is read or unpacked.
    const source = resolvedSource(pm);
    if (storedTokenIsFresh(source, Date.now()) && storedTokenIsBound(source)) return;
    if (signInLeftToApp(source)) {
      // Said once per run (pm.variables lives for one run).
      if (!pm.variables.get(APP_NOTE_SAID)) console.info(APP_SIGN_IN_NOTE);
      pm.variables.set(APP_NOTE_SAID, "1");
      return;
    }
    loadEngine().autoAuth(pm, host());
  } catch (error) {
    refuse(pm, [error], "Adobe IMS access token");
  }
}
