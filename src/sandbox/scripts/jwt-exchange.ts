// Pre-request script of "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign.

import { skipTokenRequestNote } from "../../core/config/flow.js";
import { loadEngine } from "../engine/engine-loader.js";
import { sandboxHost } from "../host/host.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";

declare const pm: Postman;

// Decided before the engine is unpacked: an environment with another credential pays nothing for it.
if (!skipWithNote(pm, () => skipTokenRequestNote(resolvedSource(pm), "jwt"), "JWT signing")) {
  try {
    loadEngine().jwtExchange(pm, sandboxHost());
  } catch (error) {
    refuse(pm, [error], "JWT signing");
  }
}
