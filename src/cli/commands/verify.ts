// `verify`: is each script of a collection byte for byte what a version of postman-ims-auth builds?

import { type Command, usageError } from "../command.js";

export const verify: Command = {
  name: "verify",
  summary: "check that a collection's scripts are byte for byte what this version builds; show the engine they carry",
  usage: `postman-ims-auth verify COLLECTION… [--print-engine]

  COLLECTION      a Postman collection file (.json) or v3 collection folder (postman/collections/NAME),
                  generated or injected by postman-ims-auth
  --print-engine  write the source of the engine the scripts carry to stdout (the report goes to stderr):
                  for this version's engine, its readable build (dist/sandbox/engine.readable.js, the
                  code terser minified into it); for another, the engine as carried

One row per script: matches VERSION (byte for byte what that version builds), changed (with the first
difference), unverified (built by a version this one keeps no digests for), or foreign (code that is not
ours: listed, not checked). Exits 1 when a script of ours is changed or unverified, or none is found.`,
  options: { "print-engine": { type: "boolean", default: false } },
  positionals: true,
  check(_values, positionals) {
    if (positionals.length === 0) throw usageError("name at least one collection file");
  },
  async run(values, positionals) {
    const { enginesOf, verifyFile } = await import("../../verify/verify-files.js");
    const reports = positionals.map(verifyFile);
    const printEngine = values["print-engine"] === true;
    const report = (line: string) => (printEngine ? console.error(line) : console.log(line));
    for (const { text } of reports) report(text);
    if (printEngine) {
      const engines = enginesOf(reports);
      if (engines.length === 0) console.error("no script carries an engine");
      for (const engine of engines) {
        const how = engine.known
          ? "this version's engine: printed as rollup bundled it, before terser minified it into the carried engine"
          : "not this version's engine: printed as carried (minified)";
        console.error(`engine SHA-256 ${engine.digest}, carried by ${engine.carriedBy.join("; ")}: ${how}`);
        process.stdout.write(engine.text.endsWith("\n") ? engine.text : `${engine.text}\n`);
      }
    }
    return reports.every((file) => file.ok) ? 0 : 1;
  },
};
