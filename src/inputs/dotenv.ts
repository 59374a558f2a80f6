// Reads `.env`-style files (KEY=VALUE lines) into variables, refusing anything ambiguous with its line number.

import { ImsAuthError } from "../core/errors.js";

/** `KEY=VALUE` or `export KEY=VALUE`; spaces around `=` are allowed, as most dotenv readers do. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/;

/** Escapes understood inside double quotes; any other backslash stays, so Windows paths survive. */
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

interface Cursor {
  readonly lines: readonly string[];
  readonly file: string;
  /** Index of the next line to read. */
  next: number;
}

/**
 * Variables of a `.env` file, in file order. Comments (#), blank lines, CRLF and a BOM are accepted;
 * values may be quoted, and a double-quoted value may span lines (a PEM key pasted whole).
 * Throws ERR_INPUT_FILE with the file and line; values are never quoted back (they may be secrets).
 */
export function parseDotenv(text: string, file: string): Map<string, string> {
  const cursor: Cursor = { lines: text.replace(/^\uFEFF/, "").split(/\r?\n/), file, next: 0 };
  const values = new Map<string, string>();
  const lineOf = new Map<string, number>();
  while (cursor.next < cursor.lines.length) {
    const line = cursor.lines[cursor.next] ?? "";
    const lineNumber = ++cursor.next;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;

    const match = ASSIGNMENT.exec(line);
    if (!match) throw notAssignment(file, lineNumber, line);
    const key = match[1] ?? "";
    const value = readValue(cursor, key, lineNumber, match[2] ?? "");

    const earlier = lineOf.get(key);
    if (earlier !== undefined) {
      throw new ImsAuthError(
        "ERR_INPUT_FILE",
        `${file}:${lineNumber}: ${key} is set twice, on line ${earlier} and again on line ${lineNumber}. Keep one of them and delete the other.`,
        key,
      );
    }
    lineOf.set(key, lineNumber);
    values.set(key, value);
  }
  return values;
}

function readValue(cursor: Cursor, key: string, lineNumber: number, rest: string): string {
  const quote = rest[0];
  if (quote === '"' || quote === "'") return readQuoted(cursor, key, lineNumber, rest.slice(1), quote);
  // An unquoted value ends at a comment that follows whitespace: `a#b` keeps its #, `a # note` does not.
  const value = rest.replace(/\s+#.*$/, "").trim();
  if (value.startsWith("-----BEGIN") && !value.includes("-----END")) {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${cursor.file}:${lineNumber}: ${key} starts a PEM key that goes on over several lines but is not quoted. ` +
        `Put the whole key between double quotes: ${key}="-----BEGIN … KEY-----" (the closing quote after END … KEY-----).`,
      key,
    );
  }
  return value;
}

/**
 * A quoted value starting after its opening quote; it may go on over the following lines, which
 * join with "\n" whatever the file's line ends were. Single quotes take the text literally.
 */
function readQuoted(cursor: Cursor, key: string, startLine: number, first: string, quote: '"' | "'"): string {
  let value = "";
  let line = first;
  let lineNumber = startLine;
  for (;;) {
    for (let i = 0; i < line.length; i++) {
      const char = line[i] ?? "";
      if (char === quote) {
        checkAfterQuote(cursor.file, key, lineNumber, line.slice(i + 1));
        return value;
      }
      const escaped = quote === '"' && char === "\\" ? ESCAPES[line[i + 1] ?? ""] : undefined;
      if (escaped !== undefined) {
        value += escaped;
        i++;
      } else {
        value += char;
      }
    }
    if (cursor.next >= cursor.lines.length) throw unterminated(cursor.file, key, startLine, quote);
    line = cursor.lines[cursor.next] ?? "";
    lineNumber = ++cursor.next;
    value += "\n";
  }
}

function checkAfterQuote(file: string, key: string, lineNumber: number, after: string): void {
  if (after.trim() === "" || /^\s+#/.test(after)) return;
  throw new ImsAuthError(
    "ERR_INPUT_FILE",
    `${file}:${lineNumber}: ${key} has text after its closing quote. ` +
      `Put the whole value inside the quotes, write a quote inside double quotes as \\", or start a comment with " #".`,
    key,
  );
}

function unterminated(file: string, key: string, startLine: number, quote: '"' | "'"): ImsAuthError {
  const what = quote === '"' ? "double quote" : "single quote";
  return new ImsAuthError(
    "ERR_INPUT_FILE",
    `${file}:${startLine}: the ${what} that opens the value of ${key} on line ${startLine} is never closed. ` +
      `End the value with ${quote} (after END … KEY----- for a private key), or remove the opening ${quote}.`,
    key,
  );
}

/** The line itself is never shown: it may be a piece of a secret (a key pasted without quotes). */
function notAssignment(file: string, lineNumber: number, line: string): ImsAuthError {
  const why = line.includes("=")
    ? 'the text before "=" is not a variable name (letters, digits and _, not starting with a digit)'
    : 'it has no "="';
  return new ImsAuthError(
    "ERR_INPUT_FILE",
    `${file}:${lineNumber}: line ${lineNumber} is not KEY=VALUE: ${why}. ` +
      "If it belongs to a value over several lines, put that whole value between double quotes; if it is a note, start it with #.",
  );
}
