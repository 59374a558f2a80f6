// `inject`: adds our authentication to an existing Postman collection (v2.1) or Bruno collection folder (OpenCollection YAML).

import { ImsAuthError } from "../../core/errors.js";
import { parseFlows } from "../../generator/collection/flows.js";
import { usageError, type Command } from "../command.js";

export const inject: Command = {
  name: "inject",
  summary: "add Adobe IMS authentication to an existing Postman collection (v2.1) or Bruno collection folder",
  usage: `postman-ims-auth inject [--target bruno] COLLECTION (-o PATH [--force] | --in-place) [--flows jwt,oauth-s2s]

  COLLECTION        a Postman Collection v2.1 file (Postman: ⋯ → Export → Collection v2.1); with
                    --target bruno, a Bruno collection folder (the one holding opencollection.yml,
                    or bruno.json in the older .bru format)
  --target T        postman (default) or bruno
  -o, --out PATH    write the result there: a file, or for bruno a copy of the folder (--force to
                    write into an existing file or a folder that holds files)
  --in-place        change COLLECTION (or DIR) itself
  --flows LIST      Authenticate requests to add: jwt, oauth-s2s or both (default: both)

Adds collection-level Bearer {{ACCESS_TOKEN}} auth, the automatic-authentication script (first in the
collection's pre-request script), the 401 watcher (first in the collection's test script, so requests
added later are watched too), and the Authenticate folder. Everything else is kept; running it again
replaces our parts (and takes out the per-request watchers of older versions). Requests and folders whose own auth overrides the collection's are listed as warnings.`,
  options: {
    out: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    force: { type: "boolean" },
    flows: { type: "string" },
    target: { type: "string", default: "postman" },
  },
  positionals: true,
  check(values, positionals) {
    const what = values.target === "bruno" ? "collection folder" : "collection file";
    if (positionals.length !== 1)
      throw usageError(positionals.length === 0 ? `name the ${what}` : `one ${what}, not ${positionals.length}`);
    if (!["postman", "bruno"].includes(String(values.target)))
      throw new ImsAuthError("ERR_INVALID_OPTION", `--target is "${String(values.target).slice(0, 20)}": use postman or bruno.`);
    if (values.flows !== undefined) parseFlows(String(values.flows));
  },
  async run(values, positionals) {
    const request = {
      ...(values.out === undefined ? {} : { out: String(values.out) }),
      inPlace: Boolean(values["in-place"]),
      force: Boolean(values.force),
      ...(values.flows === undefined ? {} : { flows: parseFlows(String(values.flows)) }),
    };
    if (values.target === "bruno") {
      const { injectBrunoFolder } = await import("../../inject/bruno/inject-folder.js");
      const result = injectBrunoFolder({ dir: positionals[0] ?? "", ...request });
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
      const files = result.changed.size + result.removed.length;
      const counted = `${files} file${files === 1 ? "" : "s"}`;
      const done =
        request.out === undefined
          ? `${files === 0 ? "nothing to change in" : `wrote ${counted} in`} ${result.dir}`
          : `wrote a copy of ${positionals[0]} in ${result.dir} (${counted} ours or changed)`;
      console.log(
        `${done}: Bearer auth, auto-auth script, 401 watcher and ${result.folder} folder; ${result.watched} requests use the collection's token${warnedSuffix(result.warnings)}`,
      );
      return 0;
    }
    const { injectCollectionFile } = await import("../../inject/inject-file.js");
    const result = injectCollectionFile({ input: positionals[0] ?? "", ...request });
    for (const note of result.notes) console.error(`note: ${note}`);
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    console.log(
      `wrote ${result.file}: Bearer auth, auto-auth script, 401 watcher and Authenticate folder added; ${result.watched} requests use the collection's token${warnedSuffix(result.warnings)}`,
    );
    return 0;
  },
};

function warnedSuffix(warnings: readonly string[]): string {
  return warnings.length === 0 ? "" : `; ${warnings.length} warning${warnings.length === 1 ? "" : "s"} above`;
}
