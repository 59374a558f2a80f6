// RFC 4180 CSV: records with the physical line each starts on, and every structural problem found.

export interface CsvRecord {
  /** The line of the file this record starts on (a quoted field may carry it over several lines). */
  readonly line: number;
  readonly fields: string[];
  /** A problem was reported for this record; its fields cannot be trusted. */
  readonly damaged: boolean;
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvResult {
  readonly records: CsvRecord[];
  readonly problems: CsvProblem[];
}

/**
 * Splits CSV text into records. Accepts a BOM and CRLF, LF or CR line ends (spreadsheets write
 * all three); quoted fields may hold commas, doubled quotes and line breaks, which are kept as
 * they are. Blank lines are skipped. `separator`: "," by default; Excel writes ";" in many locales. Problems never quote field text, which may be a secret.
 */
export function parseCsv(text: string, separator = ","): CsvResult {
  const src = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = 0;
  let line = 1;

  /** Length of the line break at `at` (2 for CRLF), 0 when there is none. */
  const breakAt = (at: number): number => (src[at] === "\r" ? (src[at + 1] === "\n" ? 2 : 1) : src[at] === "\n" ? 1 : 0);
  const report = (at: number, message: string): void => {
    problems.push({ line: at, message });
  };

  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    const problemsBefore = problems.length;
    for (;;) {
      let field = "";
      const column = fields.length + 1;
      if (src[i] === '"') {
        const openedOn = line;
        let closed = false;
        i++;
        while (i < src.length) {
          if (src[i] === '"') {
            i++;
            if (src[i] !== '"') {
              closed = true;
              break;
            }
          }
          const lineBreak = breakAt(i);
          if (lineBreak > 0) line++;
          field += src.slice(i, i + Math.max(lineBreak, 1));
          i += Math.max(lineBreak, 1);
        }
        if (!closed) {
          report(
            openedOn,
            `the quote that opens field ${column} on line ${openedOn} is never closed: end that value with a double quote (")`,
          );
        } else if (i < src.length && src[i] !== separator && breakAt(i) === 0) {
          report(
            line,
            `field ${column} has text after its closing quote: put the whole value inside the quotes, and write a quote inside it as ""`,
          );
          while (i < src.length && src[i] !== separator && breakAt(i) === 0) i++;
        }
      } else {
        // A quote inside an unquoted field is kept as text, as spreadsheets do.
        while (i < src.length && src[i] !== separator && breakAt(i) === 0) field += src[i++];
      }
      fields.push(field);
      if (src[i] !== separator) break;
      i++;
    }
    const lineBreak = breakAt(i);
    if (lineBreak > 0) {
      i += lineBreak;
      line++;
    }
    if (fields.length > 1 || fields[0] !== "") records.push({ line: start, fields, damaged: problems.length > problemsBefore });
  }
  return { records, problems };
}
