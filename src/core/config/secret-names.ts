// Which variable names hold secrets, and which values look like one, so that messages never quote them.

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

/** A run of the characters secrets, keys and tokens are written in (hex, base64, base64url, UUIDs). */
const SECRET_RUN = /[A-Za-z0-9+/=_~-]{28,}/g;

/** Bits per character of the text's own character frequencies. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/**
 * True when a value holds something long and random: a client secret (32 hex digits), a UUID, a
 * token, base64. Such a value is never quoted, whatever variable it sits in (a secret pasted into
 * IMS_ORG). 28 characters, so that an organization or technical account ID (24) is still shown.
 */
export function looksLikeSecret(value: string): boolean {
  for (const run of value.match(SECRET_RUN) ?? []) {
    if (/\d/.test(run) && /[A-Za-z]/.test(run) && entropy(run) >= 3) return true;
  }
  return false;
}
