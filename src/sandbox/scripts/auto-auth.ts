// Collection-level pre-request script: before every API request, make sure ACCESS_TOKEN is valid for a while yet.

import { autoAuth } from "../bodies/auto-auth.js";
import { sandboxHost } from "../host/host.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

autoAuth(pm, sandboxHost);
