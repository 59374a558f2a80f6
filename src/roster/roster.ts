// A class roster (CSV, one row per student) checked whole and turned into one environment per student.

import { ImsAuthError } from "../core/errors.js";
import { isSecretName } from "../core/config/secret-names.js";
import type { VariableName } from "../core/config/variables.js";
import { parseCsv, type CsvProblem, type CsvRecord } from "../inputs/csv.js";
import {
  buildEnvironment,
  ENVIRONMENT_VARIABLES,
  isEnvironmentVariable,
  type EnvironmentFile,
  type EnvironmentTemplate,
} from "../generator/environment/environments.js";
import { safeFileStem } from "../files/safe-file-name.js";

export { writeRoster, type WriteRosterOptions } from "./roster-write.js";

export const NAME_COLUMN = "name";
export const ENVIRONMENT_SUFFIX = ".postman_environment.json";

export interface RosterOptions {
  readonly template: EnvironmentTemplate;
  /** Variables every student must have a value for (an empty cell is a problem, unless a class-wide value fills it). */
  readonly required: readonly string[];
  /** Values every student gets (--set, --dotenv); a student's own non-empty cell wins. */
  readonly classValues?: Readonly<Record<string, string>>;
  /** The CSV's field separator (default ","). */
  readonly separator?: string;
}

export interface RosterEntry {
  /** The student's name as written in the roster. */
  readonly name: string;
  /** File name only (no directory): the sanitised name + .postman_environment.json. */
  readonly file: string;
  readonly environment: EnvironmentFile;
}

/** A cell still holding template text, like checks.ts refuses at run time. */
const PLACEHOLDER = /^(\{\{[^}]*\}\}|<[^>]*>)$/;
/** Header text we may quote back; anything else might be data (a header line left out). */
const COLUMN_LIKE = /^[A-Za-z_][\w .-]{0,39}$/;

/**
 * Reads and checks a roster before anything is written: every problem is collected and reported
 * at once in an ERR_ROSTER error, one `file:line: …` per line. Cell values are never quoted.
 */
export function readRoster(csvText: string, file: string, options: RosterOptions): RosterEntry[] {
  const { template } = options;
  for (const name of options.required) {
    if (!template.variables.includes(name as VariableName))
      throw new Error(`required variable ${name} is not in the ${template.name} template`);
  }
  const { records, problems } = parseCsv(csvText, options.separator);
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ line: 1, message: `the roster is empty: its first line must name the columns (${expectedHeader(template)})` });
    throw rosterError(file, problems);
  }
  const columns = readHeader(header, options, problems);
  const entries: RosterEntry[] = [];
  const fileLines = new Map<string, { line: number; name: string }>();
  for (const row of rows) {
    if (row.damaged) continue;
    if (row.fields.length !== header.fields.length) {
      problems.push({
        line: row.line,
        message: `this row has ${row.fields.length} fields but the header has ${header.fields.length} columns: give every column a field (an empty one is fine), and put a value that holds a comma between double quotes`,
      });
      continue;
    }
    const { name, file: target, entry } = readRow(row, columns, options, problems);
    if (target === undefined) continue;
    // Checked for rows with other problems too, so that one run reports everything.
    const key = target.toLowerCase(); // macOS and Windows file names ignore case
    const earlier = fileLines.get(key);
    if (earlier) {
      problems.push({
        line: row.line,
        message: `lines ${earlier.line} and ${row.line} both make the file ${target} (names "${earlier.name}" and "${name}"): give the students different names`,
      });
      continue;
    }
    fileLines.set(key, { line: row.line, name });
    if (entry) entries.push(entry);
  }
  if (rows.length === 0)
    problems.push({ line: header.line + 1, message: "the roster has a header but no students: add one row per student" });
  if (problems.length > 0) throw rosterError(file, problems);
  return entries;
}

/** Column index → variable name, `name`, or undefined for a column already reported. */
type Columns = (string | undefined)[];

/** Excel saves CSV with ";" where the decimal separator is a comma; a tab comes from pasted spreadsheet cells. */
function separatorHint(cells: readonly string[], separator: string): string {
  const other = [";", "\t", ","].find((candidate) => candidate !== separator && cells.length === 1 && (cells[0] ?? "").includes(candidate));
  if (other === undefined) return "";
  const shown = other === "\t" ? "tabs" : `"${other}"`;
  return `. Its fields seem to be separated by ${shown}, not "${separator}" (Excel saves CSV with ";" in many languages): give --separator ${other === "\t" ? "tab" : `"${other}"`}, or save the file as CSV UTF-8 (comma delimited)`;
}

function readHeader(
  header: CsvRecord,
  { template, required, classValues = {}, separator = "," }: RosterOptions,
  problems: CsvProblem[],
): Columns {
  const line = header.line;
  const cells = header.fields.map((cell) => cell.trim());
  // The template's variables, and any other an environment may hold (PRIVATE_KEY_PASSPHRASE, AUTH_FLOW, CERTIFICATE…).
  const known = (cell: string): boolean => cell.toLowerCase() === NAME_COLUMN || isEnvironmentVariable(cell);
  const otherSeparator = separatorHint(header.fields, separator);
  if (otherSeparator !== "") {
    problems.push({ line, message: `the header is one column${otherSeparator}` });
    return cells.map(() => undefined);
  }
  if (!cells.some(known)) {
    // Most likely the header line is missing and this is a student's row: quote none of it.
    problems.push({
      line,
      message: `the first line names none of the columns we know: it must be the header (${expectedHeader(template)})`,
    });
    return cells.map(() => undefined);
  }
  const seen = new Map<string, number>();
  const columns: Columns = cells.map((cell, index) => {
    const column = index + 1;
    const canonical = cell.toLowerCase() === NAME_COLUMN ? NAME_COLUMN : cell;
    if (cell === "") {
      problems.push({ line, message: `column ${column} of the header has no name: name it after a variable, or delete the column` });
      return undefined;
    }
    if (!known(cell)) {
      const shown = COLUMN_LIKE.test(cell) ? `"${cell}"` : `in position ${column}`;
      const close = Object.keys(ENVIRONMENT_VARIABLES).find((variable) => variable.toLowerCase() === cell.toLowerCase());
      const fix = close
        ? `rename it ${close} (variable names are case-sensitive)`
        : `rename it to one of ${NAME_COLUMN}, ${template.variables.join(", ")} (or another variable: PRIVATE_KEY_PASSPHRASE, AUTH_FLOW…), or delete it`;
      problems.push({ line, message: `unknown column ${shown}: ${fix}` });
      return undefined;
    }
    const first = seen.get(canonical);
    if (first !== undefined) {
      problems.push({ line, message: `column ${canonical} appears twice in the header (columns ${first} and ${column}): keep one` });
      return undefined;
    }
    seen.set(canonical, column);
    return canonical;
  });
  if (!seen.has(NAME_COLUMN))
    problems.push({ line, message: `the header has no "${NAME_COLUMN}" column: add one with each student's name (it names their file)` });
  for (const variable of required) {
    if (!seen.has(variable) && classValues[variable] === undefined)
      problems.push({ line, message: `the header has no ${variable} column, which every student needs: add it.${hint(variable)}` });
  }
  return columns;
}

interface RowResult {
  readonly name: string;
  /** The file this row would make, when its name is usable. */
  readonly file: string | undefined;
  /** Only when the row has no problem. */
  readonly entry: RosterEntry | undefined;
}

function readRow(
  row: CsvRecord,
  columns: Columns,
  { template, required, classValues = {} }: RosterOptions,
  problems: CsvProblem[],
): RowResult {
  const line = row.line;
  let name = "";
  const values: Record<string, string> = {};
  let ok = true;
  columns.forEach((column, index) => {
    // Cells keep their line breaks (a PEM key) but as \n, whichever system saved the file.
    const value = (row.fields[index] ?? "").replace(/\r\n?/g, "\n").trim();
    if (column === NAME_COLUMN) name = value;
    else if (column !== undefined && value !== "") values[column] = value;
  });
  const who = name === "" ? "" : ` for "${name}"`;
  if (columns.includes(NAME_COLUMN) && name === "") {
    problems.push({ line, message: `${NAME_COLUMN} is empty: give every student a name (it names their environment file)` });
    ok = false;
  }
  for (const variable of required) {
    if (columns.includes(variable) && values[variable] === undefined && classValues[variable] === undefined) {
      problems.push({ line, message: `${variable} is empty${who}: fill it in.${hint(variable)}` });
      ok = false;
    }
  }
  for (const [variable, value] of Object.entries(values)) {
    if (!PLACEHOLDER.test(value)) continue;
    const shown = isSecretName(variable) ? "a placeholder" : `the placeholder ${value}`;
    problems.push({ line, message: `${variable}${who} still holds ${shown}: replace it with the real value` });
    ok = false;
  }
  const stem = name === "" ? undefined : safeFileStem(name);
  if (stem === "") {
    problems.push({
      line,
      message: `the name "${name}" has no letters or digits that can go in a file name: write it in Latin letters (A-Z, a-z, 0-9, - _ .)`,
    });
    ok = false;
  }
  const file = stem ? `${stem}${ENVIRONMENT_SUFFIX}` : undefined;
  if (!ok || file === undefined) return { name, file, entry: undefined };
  return {
    name,
    file,
    entry: { name, file, environment: buildEnvironment(template, { ...classValues, ...values }, `${template.name} (${name})`) },
  };
}

function hint(variable: string): string {
  const info = (ENVIRONMENT_VARIABLES as Record<string, { description: string } | undefined>)[variable];
  return info ? ` ${variable}: ${info.description}` : "";
}

function expectedHeader(template: EnvironmentTemplate): string {
  return [NAME_COLUMN, ...template.variables].join(",");
}

function rosterError(file: string, problems: readonly CsvProblem[]): ImsAuthError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
  const lines = sorted.map((problem) => `${file}:${problem.line}: ${problem.message}`);
  return new ImsAuthError("ERR_ROSTER", [`${file}: ${count}; nothing was written`, ...lines].join("\n"));
}
