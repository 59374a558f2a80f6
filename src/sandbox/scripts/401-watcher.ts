// The 401 watcher, added to API requests' own test scripts (Postman).

import { watch401 } from "../bodies/401-watcher.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

watch401(pm);
