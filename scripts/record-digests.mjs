// `npm run build`'s last step: records the SHA-256 of this version's scripts in script-digests.json (earlier versions' entries kept),
// so that a later version's `verify` still recognises what this one built.

import { writeFileSync } from "node:fs";
import { DIGESTS_FILE, recordedDigests } from "../dist/node/verify/builds.js";

writeFileSync(DIGESTS_FILE, recordedDigests());
console.error(`wrote ${DIGESTS_FILE}`);
