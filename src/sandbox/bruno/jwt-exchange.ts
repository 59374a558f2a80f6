// Bruno: before-request script of the JWT token request, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { jwtExchange } from "../bodies/jwt-exchange.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("before-request", (pm, host) => jwtExchange(pm, () => host));
