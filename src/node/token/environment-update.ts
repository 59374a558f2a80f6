// Writing new values into an environment file the user keeps (a Postman environment or .env): only those values change.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { applyEdits, modify, parse, type ParseError } from "jsonc-parser";
import { ImsAuthError } from "../../core/errors.js";
import { isSecretName } from "../../core/config/secret-names.js";
import { writeOwnerOnlyFile } from "../../files/output-file.js";

interface EnvironmentEntry {
  readonly key?: unknown;
}

/**
 * Sets `values` in `file` and writes it back owner-only (0600), whole or not at all. A Postman environment
 * is edited in place with jsonc-parser (every other value, the order, indentation and line ends as they
 * were); a variable it lacks is added, typed `secret` when it is one. In a .env file the variable's line
 * is replaced, or a line added at the end.
 */
export function updateEnvironmentFile(file: string, values: Readonly<Record<string, string>>): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file} cannot be read (${(error as { code?: string }).code ?? "an error"}): check the path.`,
    );
  }
  const updated = /\.env$/i.test(basename(file)) ? updateDotenv(text, values) : updatePostmanEnvironment(text, values, file);
  writeOwnerOnlyFile(file, updated);
}

function updatePostmanEnvironment(text: string, values: Readonly<Record<string, string>>, file: string): string {
  const errors: ParseError[] = [];
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  let body = text.slice(bom.length);
  const data = parse(body, errors) as { values?: unknown } | undefined;
  if (errors.length > 0 || !data || !Array.isArray(data.values)) {
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} is not a Postman environment (JSON with a "values" list): nothing was written.`);
  }
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const indent = /\n(\s+)"/.exec(body)?.[1] ?? "  ";
  const formattingOptions = { insertSpaces: !indent.startsWith("\t"), tabSize: indent.startsWith("\t") ? 1 : indent.length, eol };
  for (const [key, value] of Object.entries(values)) {
    const entries = data.values as EnvironmentEntry[];
    const index = entries.findIndex((entry) => entry?.key === key);
    const edits =
      index >= 0
        ? modify(body, ["values", index, "value"], value, { formattingOptions })
        : modify(
            body,
            ["values", entries.length],
            { key, value, type: isSecretName(key) ? "secret" : "default", enabled: true },
            {
              formattingOptions,
            },
          );
    body = applyEdits(body, edits);
    if (index < 0) entries.push({ key });
  }
  return bom + body;
}

/** A .env value is quoted when it holds what would end or change it unquoted. */
function dotenvValue(value: string): string {
  return /^[A-Za-z0-9._~+/=:@-]*$/.test(value) ? value : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function updateDotenv(text: string, values: Readonly<Record<string, string>>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${dotenvValue(value)}`;
    const pattern = new RegExp(`^\\s*(export\\s+)?${key}\\s*=`);
    const index = lines.findIndex((candidate) => pattern.test(candidate));
    if (index >= 0) lines[index] = line;
    else if (lines.length > 0 && lines[lines.length - 1] === "") lines.splice(lines.length - 1, 0, line);
    else lines.push(line);
  }
  return lines.join(eol);
}
