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
  usage: `postman-ims-auth generate [--out DIR] [--flows jwt,oauth-s2s] [--name NAME]

  -o, --out DIR     directory to write collections/ and environments/ into (default: .)
  --flows LIST      Authenticate requests to include: jwt, oauth-s2s or both (default: both);
                    environment templates are written for the flows chosen
  --name NAME       the collection's name (default: Adobe IMS); it also names the file`,
  options: { out: { type: "string", short: "o", default: "." }, flows: { type: "string" }, name: { type: "string" } },
  check(values) {
    options(values);
  },
  async run(values) {
    const out = String(values.out);
    const { writeGenerated } = await import("../../generator/files/write.js");
    const written = writeGenerated(out, options(values));
    console.log(`wrote ${written.length} files in ${out}: ${written.join(", ")}`);
    return 0;
  },
};
