// Bruno: the 401 watcher in API requests' test scripts, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { apiResponse } from "../bodies/api-response.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("tests", (pm) => apiResponse(pm));
