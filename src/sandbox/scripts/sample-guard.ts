// Pre-request script of the sample API requests: skipped while their folder is off, refused with named problems when a variable they send is not right.

import type { SampleSwitch } from "../../core/config/sample-checks.js";
import { sampleGuard } from "../bodies/sample-guard.js";
import type { Postman } from "../host/postman.js";

declare const pm: Postman;
/** Given by the line that wraps this script in the collection: `(function (sample) { … })({…})`. */
declare const sample: SampleSwitch;

sampleGuard(pm, sample);
