// Bruno: before-request script of the OAuth Server-to-Server token request, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { s2sExchange } from "../bodies/s2s-exchange.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("before-request", (pm, host) => s2sExchange(pm, () => host));
