// Variables whose value is {{vault:NAME}}, read with pm.vault.get on the slow path only, before any check or signing.

import { vaultDenied, vaultKey, vaultMissing } from "../../core/config/vault-reference.js";
import { CREDENTIAL_VARIABLES, readingLike, type VariableSource } from "../../core/config/variables.js";
import { ImsAuthError } from "../../core/errors.js";
import { hiddenSecretsAware } from "./hidden-secrets.js";
import type { SandboxHost } from "./host.js";
import type { Postman } from "./postman.js";
import { holdUntilSettled, LIMIT_MS } from "./promise-hold.js";

type Read = { readonly name: string; readonly value: string } | { readonly name: string; readonly problem: ImsAuthError };

/**
 * Calls `ready` with a source in which each {{vault:NAME}} value is the vault's secret and a secure variable
 * hidden from scripts is a named error, or `failed` with one named problem per variable the vault did not
 * give. With no vault reference it answers at once, reading nothing. Without pm.vault (Newman) the
 * references stay, and the checks say that this runner has no vault.
 */
export function withVaultValues(
  pm: Postman,
  host: SandboxHost,
  base: VariableSource,
  ready: (source: VariableSource) => void,
  failed: (problems: readonly unknown[]) => void,
  /** Beyond the credential: a pasted ACCESS_TOKEN, where the script may send it as it is. */
  extra: readonly string[] = [],
): void {
  const source = hiddenSecretsAware(pm, base);
  // Every credential variable may hold a vault reference (the sample hosts are no secrets kept there).
  const wanted = [...CREDENTIAL_VARIABLES, ...extra].flatMap((name) => {
    const key = vaultKey(base(name));
    return key === undefined ? [] : [{ name, key }];
  });
  const vault = pm.vault;
  if (wanted.length === 0 || typeof vault?.get !== "function") {
    ready(source);
    return;
  }
  const reads = wanted.map(({ name, key }) =>
    Promise.resolve()
      .then(() => vault.get(key))
      .then(
        // A missing key reads as null; an empty secret is no more use than a missing one.
        (value): Read => (typeof value === "string" && value.trim() !== "" ? { name, value } : { name, problem: vaultMissing(name, key) }),
        // postman-runtime rejects every read with "Vault access denied" until scripts are allowed; the Postman CLI always does.
        (): Read => ({ name, problem: vaultDenied(name, key) }),
      ),
  );
  holdUntilSettled(
    host,
    Promise.all(reads),
    (results) => {
      const problems = results.flatMap((result) => ("problem" in result ? [result.problem] : []));
      if (problems.length > 0) {
        failed(problems);
        return;
      }
      const values = new Map(results.map((result) => [result.name, "value" in result ? result.value : ""]));
      ready(readingLike(source, (name) => (values.has(name) ? values.get(name) : source(name))));
    },
    (error) => failed([error]),
    () =>
      new ImsAuthError(
        "ERR_VAULT_UNAVAILABLE",
        `Postman Vault did not answer within ${LIMIT_MS / 1000} s (${wanted.map(({ name }) => name).join(", ")}). Send the request again.`,
      ),
  );
}
