// Which variable names hold secrets, so that messages about them never quote their values.

import { VARIABLES } from "./variables.js";

/** Names we do not know but that look secret (CLIENT_SECRET, PRIVATE_KEY, PASSPHRASE, ACCESS_TOKEN, …). */
const SECRET_LOOKING = /SECRET|KEY|PASSPHRASE|TOKEN/i;

/**
 * True for our secret variables and for anything named like a secret. API_KEY is the exception:
 * it is the public client ID, and showing it helps a student spot a wrong credential.
 */
export function isSecretName(name: string): boolean {
  const known = (VARIABLES as Record<string, { secret: boolean } | undefined>)[name];
  if (known?.secret) return true;
  if (name.toUpperCase() === "API_KEY") return false;
  return SECRET_LOOKING.test(name);
}
