// Pre-request script of "IMS: OAuth Server-to-Server Token": checks the variables and fills the form with clean values.

import { s2sExchange } from "../bodies/before-request.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

s2sExchange(pm);
