// Bruno: the slow path of the collection-level before-request script, our compiled body behind the Bruno adapter. auto-auth.ts carries it as text and runs it only when a token must be obtained.

import { autoAuth } from "../bodies/auto-auth.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("before-request", (pm, host) => autoAuth(pm, () => host));
