// Body of the JWT token request's pre-request script, as a function of `pm` (Postman's, or the Bruno adapter's).

import { tokenRequestSkipNote } from "../notes/skip-notes.js";
import { loadEngine } from "../engine/engine-loader.js";
import type { SandboxHost } from "../host/host.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";

/** "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign. */
export function jwtExchange(pm: Postman, host: () => SandboxHost): void {
  // Decided before the engine is unpacked: an environment with another credential pays nothing for it.
  if (skipWithNote(pm, () => tokenRequestSkipNote(resolvedSource(pm), "jwt", pm.info?.requestName ?? "the JWT request"), "JWT signing"))
    return;
  try {
    loadEngine().jwtExchange(pm, host());
  } catch (error) {
    refuse(pm, [error], "JWT signing");
  }
}
