// What the CLI prints for an error it did not expect (a bug of ours): what ran, so a report can say; no stack unless DEBUG asks.

import { packageVersion } from "../files/paths.js";

/** DEBUG=1, DEBUG=postman-ims-auth, DEBUG=* … turn the stack trace on; DEBUG=0 or false do not. */
export function debugging(debug: string | undefined): boolean {
  return debug !== undefined && !/^(|0|false|no|off)$/i.test(debug.trim());
}

/**
 * One line naming the package version, the command, Node's version and the error's type (and system
 * code), never its message unless debugging: an unexpected message may quote a file's content or a key.
 */
export function unexpectedError(error: unknown, command: string | undefined, debug: string | undefined): string {
  const type = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const code = typeof (error as { code?: unknown })?.code === "string" ? ` ${(error as { code: string }).code}` : "";
  const ran = `postman-ims-auth ${packageVersion()}${command ? ` ${command}` : ""}, Node ${process.version}`;
  const line = `error: unexpected ${type}${code} in ${ran}: this is a bug of postman-ims-auth; please report it with this line and the command you ran.`;
  if (!debugging(debug))
    return `${line} Its message is not shown, in case it quotes a secret: run again with DEBUG=postman-ims-auth to see it and its stack trace.`;
  return `${line}\n${error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)}`;
}
