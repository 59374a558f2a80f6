// Test script of the Authenticate requests: stores ACCESS_TOKEN and its expiry, or fails with IMS's reason and a hint.

import { tokenResponse } from "../bodies/token-response.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;

tokenResponse(pm);
