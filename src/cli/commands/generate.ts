// `generate`: writes the collection and environment templates.

import { ImsAuthError } from "../../core/errors.js";
import { parseFlows } from "../../generator/collection/flows.js";
import type { Command, OptionValues } from "../command.js";

const options = (values: OptionValues) => ({
  ...(values.name === undefined ? {} : { name: String(values.name) }),
  ...(values.flows === undefined ? {} : { flows: parseFlows(String(values.flows)) }),
});

const TARGETS = ["postman", "postman-v3", "bruno"];

export const generate: Command = {
  name: "generate",
  summary: "write the collection and environment templates (Postman v2.1 JSON, Postman v3 folder, or Bruno)",
  usage: `postman-ims-auth generate [--out DIR] [--flows jwt,oauth-s2s] [--name NAME] [--target postman|postman-v3|bruno] [--force]

  -o, --out DIR     directory to write collections/ and environments/ into (default: .)
  --flows LIST      Authenticate requests to include: jwt, oauth-s2s or both (default: both); oauth-user:
                    the user collection (a user's sign-in: Postman's OAuth 2.0 and REFRESH_TOKEN);
                    environment templates are written for the flows chosen
  --name NAME       the collection's name (default: Adobe IMS); it also names the file
  --force           replace files that exist and differ (an environment template you filled in);
                    without it they stop the whole write. Files already up to date are left alone
  --target T        postman (default): Collection v2.1 JSON, for Newman and Postman before v12;
                    postman-v3: the v3 format Postman v12 keeps in Git, as a repository holds it:
                    DIR/postman/collections/adobe-ims/ and DIR/postman/environments/ (run it at the
                    repository's root; the Postman CLI runs the folder);
                    bruno: a Bruno collection folder DIR/adobe-ims/ (OpenCollection YAML, the format
                    Bruno's app creates) with its environments; open that folder in Bruno`,
  options: {
    out: { type: "string", short: "o", default: "." },
    flows: { type: "string" },
    name: { type: "string" },
    force: { type: "boolean" },
    target: { type: "string", default: "postman" },
  },
  check(values) {
    if (!TARGETS.includes(String(values.target)))
      throw new ImsAuthError(
        "ERR_INVALID_OPTION",
        `--target is "${String(values.target).slice(0, 20)}": use postman, postman-v3 or bruno.`,
      );
    options(values);
  },
  async run(values) {
    const out = String(values.out);
    const { writeGenerated, writeBrunoGenerated } = await import("../../generator/write/write.js");
    const write =
      values.target === "postman-v3"
        ? (await import("../../generator/write/write-postman-v3.js")).writePostmanV3Generated
        : values.target === "bruno"
          ? writeBrunoGenerated
          : writeGenerated;
    const { written, unchanged } = write(out, { ...options(values), force: values.force === true });
    const kept = unchanged.length === 0 ? "" : `; ${unchanged.length} unchanged`;
    console.log(`wrote ${written.length} files in ${out}${written.length > 0 ? `: ${written.join(", ")}` : ""}${kept}`);
    return 0;
  },
};
