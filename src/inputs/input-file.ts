// Reading a file the user named: a missing or unreadable file is an error that names it and says what it was for.

import { readFileSync } from "node:fs";
import { ImsAuthError } from "../core/errors.js";

export function readInputFile(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "an error";
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})`;
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} (${what}) ${why}: check the path.`);
  }
}
