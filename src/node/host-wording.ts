// Messages from the shared checks, worded for the Node host, which reads files: no Newman --env-var advice where it makes no sense.

import { whereToSet } from "../core/config/checks.js";
import { ImsAuthError } from "../core/errors.js";

/** whereToSet's sentence for any variable name (an error may list several problems). */
const RUN_TIME_ADVICE = new RegExp(
  whereToSet("NAME")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace("NAME", "[A-Za-z_][A-Za-z0-9_]*"),
  "g",
);

/** The same error with "set it in your environment (or with --env-var …)" replaced by "fill it in in the file". */
export function forFiles(error: ImsAuthError): ImsAuthError {
  const message = error.message.replace(RUN_TIME_ADVICE, "Fill it in in the file.");
  return message === error.message ? error : new ImsAuthError(error.code, message, error.variable);
}
