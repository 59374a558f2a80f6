// Pre-request script of "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign.

import { loadEngine } from "./engine-loader.js";
import { refuse, type Postman } from "./postman.js";

declare const pm: Postman;

try {
  loadEngine().jwtExchange(pm);
} catch (error) {
  refuse(pm, [error], "JWT signing");
}
