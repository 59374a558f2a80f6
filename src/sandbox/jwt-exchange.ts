// Pre-request script of "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign.

import { loadEngine } from "./engine-loader.js";
import { sandboxHost } from "./host.js";
import { refuse, type Postman } from "./postman.js";

declare const pm: Postman;

try {
  loadEngine().jwtExchange(pm, sandboxHost());
} catch (error) {
  refuse(pm, [error], "JWT signing");
}
