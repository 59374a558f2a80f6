// `generate`: writes the collection and environment templates.

import { writeGenerated } from "../../generator/write.js";
import type { Command } from "../command.js";

export const generate: Command = {
  name: "generate",
  summary: "write the collection and environment templates",
  usage: "postman-ims-auth generate [--out DIR]\n\n  --out DIR   directory to write collections/ and environments/ into (default: .)",
  options: { out: { type: "string", default: "." } },
  async run(values) {
    const written = writeGenerated(String(values.out));
    console.log(`wrote ${written.length} files: ${written.join(", ")}`);
    return 0;
  },
};
