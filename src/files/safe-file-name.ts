// Turns a person's name into a file name that is safe on every system (letters, digits, - _ . only).

/** Names Windows refuses for a file, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * "José García" → "Jose-Garcia". Accents are dropped, every other run of unsafe characters becomes
 * one "-", and leading dots and dashes go (no hidden files, no option-like names, no "..").
 * Returns "" when nothing usable is left; the caller refuses that name.
 */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    // Long names are cut so that the stem plus .postman_environment.json stays well under 255 bytes.
    .slice(0, 100)
    .replace(/[.-]+$/, "");
  return WINDOWS_RESERVED.test(stem) ? `${stem}_` : stem;
}
