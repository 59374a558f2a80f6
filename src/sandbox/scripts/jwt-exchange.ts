// Pre-request script of "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign.

import { jwtExchange } from "../bodies/jwt-exchange.js";
import { sandboxHost } from "../host/host.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

jwtExchange(pm, sandboxHost);
