// `npm run build`'s figures step: rewrites the generated regions of README.md and docs/*.md (script sizes from
// dist/sandbox, benchmark tables from docs/figures/*.json), so that no page quotes a stale figure.

import { writeFigures } from "../dist/node/bench/doc-figures.js";

const changed = writeFigures();
console.error(changed.length ? `wrote the figures of ${changed.join(", ")}` : "figures: every page is up to date");
