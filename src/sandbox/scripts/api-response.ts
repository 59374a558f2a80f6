// The 401 watcher, added to API requests' own test scripts (Postman).

import { apiResponse } from "../bodies/api-response.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

apiResponse(pm);
