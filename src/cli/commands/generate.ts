// `generate`: writes the collection and environment templates.

import { parseFlows } from "../../generator/collection/flows.js";
import type { Command, OptionValues } from "../command.js";

const options = (values: OptionValues) => ({
  ...(values.name === undefined ? {} : { name: String(values.name) }),
  ...(values.flows === undefined ? {} : { flows: parseFlows(String(values.flows)) }),
});

export const generate: Command = {
  name: "generate",
  summary: "write the collection and environment templates",
  usage: `postman-ims-auth generate [--out DIR] [--flows jwt,oauth-s2s] [--name NAME] [--force]

  -o, --out DIR     directory to write collections/ and environments/ into (default: .)
  --flows LIST      Authenticate requests to include: jwt, oauth-s2s or both (default: both);
                    environment templates are written for the flows chosen
  --name NAME       the collection's name (default: Adobe IMS); it also names the file
  --force           replace files that exist and differ (an environment template you filled in);
                    without it they stop the whole write. Files already up to date are left alone`,
  options: {
    out: { type: "string", short: "o", default: "." },
    flows: { type: "string" },
    name: { type: "string" },
    force: { type: "boolean" },
  },
  check(values) {
    options(values);
  },
  async run(values) {
    const out = String(values.out);
    const { writeGenerated } = await import("../../generator/files/write.js");
    const { written, unchanged } = writeGenerated(out, { ...options(values), force: values.force === true });
    const kept = unchanged.length === 0 ? "" : `; ${unchanged.length} unchanged`;
    console.log(`wrote ${written.length} files in ${out}${written.length > 0 ? `: ${written.join(", ")}` : ""}${kept}`);
    return 0;
  },
};
