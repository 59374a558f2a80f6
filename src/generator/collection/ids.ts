// Stable ids for generated items, so that generating twice gives the same bytes (committed files stay diffable).

import { createHash } from "node:crypto";

/** A UUID-shaped id derived from a name (version nibble 5, like a name-based UUID). */
export function stableId(name: string): string {
  const hex = createHash("sha256").update(`postman-ims-auth:${name}`).digest("hex");
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
