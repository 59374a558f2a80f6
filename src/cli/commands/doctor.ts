// `doctor`: checks environments and AEM credential files before a workshop; one row per file, non-zero on any error.

import { doctorRows, doctorSummary } from "../../node/doctor/doctor-report.js";
import { runDoctor } from "../../node/doctor/doctor.js";
import { doctorFiles } from "../../node/doctor/doctor-files.js";
import { ImsAuthError } from "../../core/errors.js";
import { usageError, type Command } from "../command.js";
import { caOption } from "./token.js";

/** From this many files on, progress is shown on stderr. */
const PROGRESS_FROM = 5;

export const doctor: Command = {
  name: "doctor",
  summary: "check environments and AEM credential files (or directories of them) before a workshop",
  usage: `postman-ims-auth doctor FILE|DIR… [--online] [--ims HOST] [--ca FILE]

  FILE|DIR   Postman environments, .env files, AEM service credentials; a directory means its *.json and
             .env files that are environments or credentials (others, such as collections, are skipped with a note)
  --online   also ask IMS for a token with each file that passes the offline checks
  --ims HOST check and ask this IMS host instead of each file's IMS (without https://)
  --ca FILE  also trust this CA certificate (PEM) for --online: a local emulator, a proxy that inspects TLS
             (HTTPS_PROXY and NO_PROXY are honoured)

Offline: the variables of the flow and their format, the private key (RSA, at least 2048 bits), the key
against the certificate (AEM's integration.publicKey or a CERTIFICATE variable), the certificate's
expiry (warning under 30 days), a pasted ACCESS_TOKEN's expiry. One row per file: ok, warning or error
and why; then a summary. Exits 1 when any file has an error.`,
  options: { online: { type: "boolean", default: false }, ca: { type: "string" }, ims: { type: "string" } },
  positionals: true,
  async run(values, positionals) {
    if (positionals.length === 0) throw usageError("name at least one file or directory");
    const { files, skipped } = doctorFiles(positionals);
    for (const { file, why } of skipped) console.error(`note: skipped ${file}: ${why}, not an environment or credentials file`);
    const total = files.length;
    if (total === 0) {
      throw new ImsAuthError(
        "ERR_INPUT_FILE",
        `no environment or credentials files in ${positionals.join(", ")}: name Postman environments, .env files or AEM service credentials, or a folder that holds them.`,
      );
    }
    const live = process.stderr.isTTY === true;
    const rows = await runDoctor(positionals, {
      online: values.online === true,
      ims: typeof values.ims === "string" ? values.ims : undefined,
      ca: caOption(values),
      progress:
        total < PROGRESS_FROM
          ? undefined
          : (checked, all, file) =>
              process.stderr.write(live ? `\r\x1b[Kchecked ${checked}/${all}` : `checked ${checked}/${all}: ${file}\n`),
    });
    if (live && total >= PROGRESS_FROM) process.stderr.write("\r\x1b[K");
    for (const line of doctorRows(rows)) console.log(line);
    console.log(doctorSummary(rows));
    return rows.some((row) => row.status === "error") ? 1 : 0;
  },
};
