// Secure variables whose secret source hides them from scripts (postman-runtime's allowedInScript: false), told apart from unset ones.

import { secretHidden } from "../../core/config/vault-reference.js";
import { readingLike, type VariableSource } from "../../core/config/variables.js";
import type { Postman } from "./postman.js";

interface VariableJson {
  readonly key?: unknown;
  readonly value?: unknown;
  readonly secret?: unknown;
  readonly source?: { readonly provider?: unknown };
}

/**
 * Names of the variables scripts may not see, with their source's provider: such a variable stays in its scope,
 * marked secret, without a value (postman-runtime 7.52+ masks it for scripts and gives the request the value).
 */
function hiddenSecrets(pm: Postman): Map<string, string | undefined> {
  const hidden = new Map<string, string | undefined>();
  for (const scope of [pm.globals, pm.collectionVariables, pm.environment]) {
    const values = (scope?.toJSON?.() as { values?: VariableJson[] } | undefined)?.values ?? [];
    for (const variable of values) {
      if (typeof variable?.key !== "string" || variable.secret !== true || variable.value !== undefined) continue;
      const provider = variable.source?.provider;
      hidden.set(variable.key, typeof provider === "string" && /^[\w .-]{1,40}$/.test(provider) ? provider : undefined);
    }
  }
  return hidden;
}

/** `base`, except that asking for a hidden secure variable throws ERR_SECRET_HIDDEN instead of reading as unset. */
export function hiddenSecretsAware(pm: Postman, base: VariableSource): VariableSource {
  let hidden: Map<string, string | undefined> | undefined;
  return readingLike(base, (name) => {
    const value = base(name);
    if (value !== undefined && value !== null && value !== "") return value;
    hidden ??= hiddenSecrets(pm);
    if (hidden.has(name)) throw secretHidden(name, hidden.get(name));
    return value;
  });
}
