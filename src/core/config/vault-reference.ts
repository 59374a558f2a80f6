// Secrets Postman keeps outside variables: a value that is exactly {{vault:NAME}} (Postman Vault), and secure
// variables hidden from scripts. One named error for each way reading them fails, saying what to do.

import { ImsAuthError } from "../errors.js";

const VAULT_REFERENCE = /^\{\{vault:([^{}]+)\}\}$/;

/** The vault key a value refers to ({{vault:adobe-client-secret}} → adobe-client-secret), or undefined. */
export function vaultKey(value: unknown): string | undefined {
  const key = typeof value === "string" ? VAULT_REFERENCE.exec(value.trim())?.[1]?.trim() : undefined;
  return key === "" ? undefined : key;
}

const ENV_VAR_FIX = (name: string) => `pass the value itself with --env-var ${name}=… from a CI secret`;

/** The runner gives scripts no vault at all (Newman, Bruno, postman-ims-auth's own commands). */
export function vaultUnavailable(name: string, key: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_VAULT_UNAVAILABLE",
    `${name} is {{vault:${key}}}, a secret in Postman Vault, but this runner has no vault (only the Postman app has one; ` +
      `Newman, the Postman CLI and postman-ims-auth's commands do not): ${ENV_VAR_FIX(name)}, or put it in the environment you run.`,
    name,
  );
}

/** pm.vault refused: the app's scripts are not allowed to read the vault, or a runner whose vault scripts never reach (the Postman CLI). */
export function vaultDenied(name: string, key: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_VAULT_DENIED",
    `${name} is {{vault:${key}}}, but Postman did not let this collection's scripts read the vault ("Vault access denied"). ` +
      `In the Postman app: open Postman Vault → Settings, turn on "Enable support in scripts", send again and allow this collection ` +
      `when Postman asks (Postman Vault's settings list the collections allowed). The Postman CLI, monitors and scheduled runs ` +
      `give scripts no vault: there, ${ENV_VAR_FIX(name)}.`,
    name,
  );
}

/** The vault answered, with nothing under that key. */
export function vaultMissing(name: string, key: string): ImsAuthError {
  return new ImsAuthError(
    "ERR_VAULT_MISSING",
    `${name} is {{vault:${key}}}, but your Postman Vault has no secret named "${key}" (or it is empty). ` +
      `Add it in Postman Vault with the key ${key}, or correct the name after vault: in ${name}.`,
    name,
  );
}

/** A secure variable whose secret source keeps it from scripts: it has a value, which the request gets but our script cannot see. */
export function secretHidden(name: string, provider: string | undefined): ImsAuthError {
  const from = provider ? ` (from ${provider})` : "";
  return new ImsAuthError(
    "ERR_SECRET_HIDDEN",
    `${name} is a secure variable${from} that Postman hides from scripts, so the authentication script cannot read it (it is set, not empty). ` +
      `Allow scripts to use this secret where it is defined, or keep the value in Postman Vault as {{vault:NAME}} with "Enable support in scripts" on, ` +
      `or ${ENV_VAR_FIX(name)}.`,
    name,
  );
}
