// `generate`: writes the collection and environment templates.

import { parseFlows } from "../../generator/collection/flows.js";
import { UsageError, type Command, type OptionValues } from "../command.js";

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
  --name NAME       the collection's name (default: Adobe IMS); it also names the file
  --target T        postman (default) or bruno: a Bruno collection folder DIR/adobe-ims/
                    (OpenCollection YAML, Bruno's default format) with its environments`,
  options: {
    out: { type: "string", short: "o", default: "." },
    flows: { type: "string" },
    name: { type: "string" },
    target: { type: "string", default: "postman" },
  },
  check(values) {
    if (values.name !== undefined && String(values.name).trim() === "")
      throw new UsageError("--name is empty: give the collection a name, or leave --name out");
    if (!["postman", "bruno"].includes(String(values.target)))
      throw new UsageError(`--target is "${String(values.target)}": use postman or bruno`);
    options(values);
  },
  async run(values) {
    const out = String(values.out);
    const { writeGenerated, writeBrunoGenerated } = await import("../../generator/files/write.js");
    const written = values.target === "bruno" ? await writeBrunoGenerated(out, options(values)) : writeGenerated(out, options(values));
    console.log(`wrote ${written.length} files in ${out}: ${written.join(", ")}`);
    return 0;
  },
};
