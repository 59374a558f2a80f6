// Bruno: test script of the token requests, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { tokenResponse } from "../bodies/token-response.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("tests", (pm) => tokenResponse(pm));
