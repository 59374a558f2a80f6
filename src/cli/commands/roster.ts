// `roster`: one environment per student from a class roster (CSV), all or nothing.

import { usageError, type Command } from "../command.js";

export const roster: Command = {
  name: "roster",
  summary: "write one environment per student from a CSV roster (header: name and the variables)",
  usage: `postman-ims-auth roster ROSTER.csv -o DIR [--template NAME] [--require LIST] [--force]

  ROSTER.csv        header row: name, then variable names (API_KEY,CLIENT_SECRET,…); one row per student
  -o, --out DIR     directory for the files, one <name>.postman_environment.json per student
  --template NAME   workshop (default), oauth-s2s or aem
  --require LIST    variables every student must have, comma-separated (default: the template's:
                    workshop API_KEY,CLIENT_SECRET; oauth-s2s adds SCOPES; aem all six of its credential)
  --force           overwrite files that exist (otherwise nothing is written)

A row with a missing required value, a duplicate name or an unknown column stops the whole roster,
each problem named with its line number.`,
  options: { out: { type: "string", short: "o" }, template: { type: "string" }, require: { type: "string" }, force: { type: "boolean" } },
  positionals: true,
  check(values, positionals) {
    if (positionals.length !== 1)
      throw usageError(positionals.length === 0 ? "name the roster file (CSV)" : `one roster file, not ${positionals.length}`);
    if (values.out === undefined) throw usageError("say where to write the environments: -o DIR");
  },
  async run(values, positionals) {
    const required =
      values.require === undefined
        ? undefined
        : String(values.require)
            .split(",")
            .map((name) => name.trim())
            .filter((name) => name !== "");
    const out = String(values.out);
    const { writeClassRoster } = await import("../../roster/class-roster.js");
    const { files } = writeClassRoster({
      csv: positionals[0] ?? "",
      out,
      ...(values.template === undefined ? {} : { template: String(values.template) }),
      ...(required === undefined ? {} : { required }),
      force: Boolean(values.force),
    });
    console.log(`wrote ${files.length} environment${files.length === 1 ? "" : "s"} in ${out}, one per student`);
    return 0;
  },
};
