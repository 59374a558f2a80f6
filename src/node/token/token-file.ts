// The optional on-disk token cache of the Node host: owner-only, one entry per credential, reused while fresh.

import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { IssuingFlow, IssuedToken } from "../../core/ims/ims-response.js";
import { storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import type { VariableSource } from "../../core/config/variables.js";
import { makeOutputFolder, writeOwnerOnlyFile } from "../../files/output-file.js";

interface Entry {
  readonly flow: IssuingFlow;
  readonly accessToken: string;
  readonly expiresAt: number;
}

/** Entries by configurationKey: one file may serve several credentials. */
type CacheFile = { readonly version: 1; readonly tokens: Record<string, Entry> };

function readCache(file: string): CacheFile["tokens"] {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    return data.version === 1 && typeof data.tokens === "object" && data.tokens !== null ? data.tokens : {};
  } catch {
    // Missing or unreadable: a cache only saves a call, so it is rebuilt rather than refused.
    return {};
  }
}

/** The cached token of this credential, when it is still good for the safety margin (TOKEN_MARGIN_MINUTES). */
export function cachedToken(
  file: string,
  key: string,
  source: VariableSource,
  nowMs: number,
): (IssuedToken & { flow: IssuingFlow }) | undefined {
  const entry = readCache(file)[key];
  if (!entry || typeof entry.accessToken !== "string") return undefined;
  const stored: VariableSource = (name) =>
    name === "ACCESS_TOKEN" ? entry.accessToken : name === "ACCESS_TOKEN_EXPIRES_AT" ? entry.expiresAt : source(name);
  return storedTokenIsFresh(stored, nowMs) ? entry : undefined;
}

/** Adds the token and drops expired entries; the file (mode 0600) appears whole or not at all. */
export function cacheToken(file: string, key: string, flow: IssuingFlow, token: IssuedToken, nowMs: number): void {
  const tokens: Record<string, Entry> = {};
  for (const [other, entry] of Object.entries(readCache(file))) if (entry.expiresAt > nowMs) tokens[other] = entry;
  tokens[key] = { flow, accessToken: token.accessToken, expiresAt: token.expiresAt };
  makeOutputFolder(dirname(file), 0o700);
  writeOwnerOnlyFile(file, `${JSON.stringify({ version: 1, tokens } satisfies CacheFile, null, 2)}\n`);
}
