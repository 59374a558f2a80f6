// `inject`: adds our authentication to an existing Postman collection (v2.1).

import { parseFlows } from "../../generator/collection/flows.js";
import { usageError, type Command } from "../command.js";

export const inject: Command = {
  name: "inject",
  summary: "add Adobe IMS authentication to an existing Postman collection (v2.1)",
  usage: `postman-ims-auth inject COLLECTION (-o FILE [--force] | --in-place) [--flows jwt,oauth-s2s]

  COLLECTION        a Postman Collection v2.1 file (Postman: ⋯ → Export → Collection v2.1)
  -o, --out FILE    write the result there (--force to overwrite an existing file)
  --in-place        change COLLECTION itself
  --flows LIST      Authenticate requests to add: jwt, oauth-s2s or both (default: both)

Adds collection-level Bearer {{ACCESS_TOKEN}} auth, the automatic-authentication script (first in the
collection's pre-request script), the Authenticate folder, and a 401 watcher at the end of the test
script of each request that inherits the auth. Everything else is kept; running it again replaces our
parts. Requests and folders whose own auth overrides the collection's are listed as warnings.`,
  options: { out: { type: "string", short: "o" }, "in-place": { type: "boolean" }, force: { type: "boolean" }, flows: { type: "string" } },
  positionals: true,
  check(values, positionals) {
    if (positionals.length !== 1)
      throw usageError(positionals.length === 0 ? "name the collection file" : `one collection file, not ${positionals.length}`);
    if (values.flows !== undefined) parseFlows(String(values.flows));
  },
  async run(values, positionals) {
    const { injectCollectionFile } = await import("../../inject/inject-file.js");
    const result = injectCollectionFile({
      input: positionals[0] ?? "",
      ...(values.out === undefined ? {} : { out: String(values.out) }),
      inPlace: Boolean(values["in-place"]),
      force: Boolean(values.force),
      ...(values.flows === undefined ? {} : { flows: parseFlows(String(values.flows)) }),
    });
    for (const note of result.notes) console.error(`note: ${note}`);
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    const warned =
      result.warnings.length === 0 ? "" : `; ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"} above`;
    console.log(
      `wrote ${result.file}: Bearer auth, auto-auth script and Authenticate folder added; ${result.watched} requests watch for 401${warned}`,
    );
    return 0;
  },
};
