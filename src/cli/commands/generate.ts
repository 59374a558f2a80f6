// `generate`: writes the collection and environment templates.

import { ImsAuthError } from "../../core/errors.js";
import { parseFlows } from "../../generator/collection/flows.js";
import type { Command, OptionValues } from "../command.js";

const options = (values: OptionValues) => ({
  ...(values.name === undefined ? {} : { name: String(values.name) }),
  ...(values.flows === undefined ? {} : { flows: parseFlows(String(values.flows)) }),
});

export const generate: Command = {
  name: "generate",
  summary: "write the collection and environment templates (Postman, or Bruno with --target bruno)",
  usage: `postman-ims-auth generate [--out DIR] [--flows jwt,oauth-s2s] [--name NAME] [--target postman|bruno] [--force]

  -o, --out DIR     directory to write collections/ and environments/ into (default: .)
  --flows LIST      Authenticate requests to include: jwt, oauth-s2s or both (default: both); oauth-user:
                    the user collection (a user's sign-in: Postman's OAuth 2.0 and REFRESH_TOKEN);
                    environment templates are written for the flows chosen
  --name NAME       the collection's name (default: Adobe IMS); it also names the file
  --force           replace files that exist and differ (an environment template you filled in);
                    without it they stop the whole write. Files already up to date are left alone
  --target T        postman (default), or bruno: a Bruno collection folder DIR/adobe-ims/ (OpenCollection
                    YAML, the format Bruno's app creates) with its environments; open that folder in Bruno`,
  options: {
    out: { type: "string", short: "o", default: "." },
    flows: { type: "string" },
    name: { type: "string" },
    force: { type: "boolean" },
    target: { type: "string", default: "postman" },
  },
  check(values) {
    if (!["postman", "bruno"].includes(String(values.target)))
      throw new ImsAuthError("ERR_INVALID_OPTION", `--target is "${String(values.target).slice(0, 20)}": use postman or bruno.`);
    options(values);
  },
  async run(values) {
    const out = String(values.out);
    const { writeGenerated, writeBrunoGenerated } = await import("../../generator/files/write.js");
    const write = values.target === "bruno" ? writeBrunoGenerated : writeGenerated;
    const { written, unchanged } = write(out, { ...options(values), force: values.force === true });
    const kept = unchanged.length === 0 ? "" : `; ${unchanged.length} unchanged`;
    console.log(`wrote ${written.length} files in ${out}${written.length > 0 ? `: ${written.join(", ")}` : ""}${kept}`);
    return 0;
  },
};
