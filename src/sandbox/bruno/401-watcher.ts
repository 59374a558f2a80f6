// Bruno: the 401 watcher in API requests' test scripts, our compiled body behind the Bruno adapter. The collection ends it with `await __imsAuth.run();`.

import { watch401 } from "../bodies/401-watcher.js";
import { runInBruno } from "./run.js";

export const run = (): Promise<void> => runInBruno("tests", (pm) => watch401(pm));
