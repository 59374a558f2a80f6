// Bruno: collection-level before-request script, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { autoAuth } from "../bodies/auto-auth.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("before-request", (pm, host) => autoAuth(pm, () => host));
