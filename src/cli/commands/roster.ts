// `roster`: one environment per student from a class roster (CSV), all or nothing.

import { list, usageError, type Command } from "../command.js";

export const roster: Command = {
  name: "roster",
  summary: "write one environment per student from a CSV roster (header: name and the variables)",
  usage: `postman-ims-auth roster ROSTER.csv -o DIR [--template NAME] [--require LIST] [CLASS VALUES] [--separator SEP] [--force]

  ROSTER.csv        header row: name, then variable names (API_KEY,CLIENT_SECRET,…); one row per student
  -o, --out DIR     directory for the files, one <name>.postman_environment.json per student
  --template NAME   workshop (default), oauth-s2s or aem
  --require LIST    variables every student must have, comma-separated (default: the template's:
                    workshop API_KEY,CLIENT_SECRET; oauth-s2s adds SCOPES; aem all six of its credential)
  --force           overwrite files that exist (otherwise nothing is written)
  --separator SEP   the CSV's field separator: "," (default), ";" (Excel in many languages), "|" or tab

CLASS VALUES, for every student (a student's own non-empty cell wins; later ones win):
  --dotenv FILE         KEY=VALUE lines (IMS_ORG, SCOPES, …)
  --set-file NAME=FILE  NAME's value is the text of FILE
  --set NAME=VALUE      a value; --set NAME takes the environment variable NAME (keeps secrets off the command line)

Columns may be any variable an environment holds (PRIVATE_KEY_PASSPHRASE, AUTH_FLOW, CERTIFICATE…).

A row with a missing required value, a duplicate name or an unknown column stops the whole roster,
each problem named with its line number.`,
  options: {
    out: { type: "string", short: "o" },
    template: { type: "string" },
    require: { type: "string" },
    force: { type: "boolean" },
    separator: { type: "string" },
    // Not --env-file: Node 20 takes that flag for itself even after the script name.
    dotenv: { type: "string", multiple: true },
    "set-file": { type: "string", multiple: true },
    set: { type: "string", multiple: true },
  },
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
      envFiles: list(values.dotenv),
      setFiles: list(values["set-file"]),
      set: list(values.set),
      processEnv: process.env,
      ...(typeof values.separator === "string" ? { separator: values.separator } : {}),
    });
    console.log(`wrote ${files.length} environment${files.length === 1 ? "" : "s"} in ${out}, one per student`);
    return 0;
  },
};
