// Postman Vault and secure variables for a postman-runtime run, shaped as the Postman app passes them (run options vaultSecrets, secretResolver).

import type { SecureVariablesOption, VaultOption } from "./run-result.js";

interface VariableScopeClass {
  new (definition: unknown): { get(key: string): unknown };
}

interface SecretRequest {
  readonly secrets: ReadonlyArray<{ readonly variable: { readonly key: string } }>;
}
type SecretAnswer = { resolvedValue?: string; allowedInScript: boolean };

/**
 * The vault scope: keys "vault:NAME" (what {{vault:NAME}} substitutes in requests), the prefix that lets
 * scripts say pm.vault.get("NAME"), and the consent postman-runtime asks once per run (`_.allowScriptAccess`).
 */
export function vaultScope(VariableScope: VariableScopeClass, vault: VaultOption): unknown {
  const scope = new VariableScope({
    id: "vault",
    prefix: "vault:",
    values: Object.entries(vault.secrets).map(([key, value]) => ({ key: `vault:${key}`, value })),
    _allowScriptAccess: () => vault.scriptAccess,
  });
  const get = scope.get.bind(scope);
  // pm.vault.get reaches the scope's get; {{vault:…}} in a request is substituted without it.
  scope.get = (key: string) => {
    vault.onRead?.(key);
    return get(key);
  };
  return scope;
}

/** The environment with the named variables made secure: marked secret, with a source, and no value of their own. */
export function withSecureVariables(environment: unknown, secure: SecureVariablesOption): unknown {
  const file = (environment ?? {}) as { values?: Array<Record<string, unknown>> };
  const names = Object.keys(secure.values);
  return {
    ...file,
    values: (file.values ?? []).map((variable) =>
      names.includes(String(variable.key)) ? { ...variable, value: "", secret: true, source: { provider: "aws" } } : variable,
    ),
  };
}

/** postman-runtime's secretResolver: each secure variable's value, and whether scripts may see it. */
export function secretResolver(secure: SecureVariablesOption) {
  return (request: SecretRequest, callback: (error: null, answers: SecretAnswer[]) => void): void => {
    callback(
      null,
      request.secrets.map(({ variable }) => ({ resolvedValue: secure.values[variable.key], allowedInScript: secure.allowedInScript })),
    );
  };
}
