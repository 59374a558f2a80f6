// Bruno: before-request script of the sample requests; the collection ends it with `await __imsAuth.run({…switch…});`.

import type { SampleSwitch } from "../../core/config/sample-checks.js";
import { sampleGuard } from "../bodies/sample-guard.js";
import { runInBruno } from "./run.js";

export const run = (sample: SampleSwitch): Promise<void> => runInBruno("before-request", (pm) => sampleGuard(pm, sample));
