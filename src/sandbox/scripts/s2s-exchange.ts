// Pre-request script of "IMS: OAuth Server-to-Server Token": reads vault values, checks the variables and fills the form with clean values.

import { s2sExchange } from "../bodies/s2s-exchange.js";
import { sandboxHost } from "../host/host.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

s2sExchange(pm, sandboxHost);
