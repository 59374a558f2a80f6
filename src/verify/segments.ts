// A script's lines split into our compiled scripts (by their header), the generator's and inject's own
// lines around them, and everything else.

const HEADER = /^\/\*! postman-ims-auth (?:(\d+\.\d+\.\d+\S*) )?([a-z0-9-]+)(?::| \*\/$)/;
/** Lines we write around a compiled script: inject's markers, the sample guard's wrapper, the sample status test. */
const GLUE: readonly RegExp[] = [
  /^\/\/ >>> postman-ims-auth [a-z0-9-]+: added by "postman-ims-auth inject"/,
  /^\/\/ <<< postman-ims-auth [a-z0-9-]+$/,
  /^\(function \(sample\) \{$/,
  /^pm\.test\("[^"\\]*", function \(\) \{$/,
  /^ {2}pm\.response\.to\.have\.status\(200\);$/,
  /^\}\);$/,
];
/** Text only our compiled code holds: a line with it but without its header is our code, edited. */
const OUR_CODE = /__imsAuthEngine|ERR_SCRIPT_INTEGRITY|"ImsAuthError"/;

export interface OurSegment {
  readonly kind: "ours";
  readonly name: string;
  /** The version its header names; undefined for a header without one (builds before headers had it). */
  readonly version: string | undefined;
  readonly lines: readonly string[];
  /** 1-based line of the header in the site. */
  readonly line: number;
}

export interface OtherLines {
  readonly kind: "other";
  readonly lines: readonly string[];
  readonly line: number;
  /** Holds code of ours (an edited script whose header was removed). */
  readonly looksOurs: boolean;
}

export type Segment = OurSegment | OtherLines;

const isGlue = (line: string, json: boolean) => GLUE.some((pattern) => pattern.test(line)) || (json && isSampleArgument(line));

/** `})({...});`: the sample guard's closing line, whose argument must be plain JSON data. */
function isSampleArgument(line: string): boolean {
  const match = /^\}\)\((\{.*\})\);$/.exec(line);
  if (!match) return false;
  try {
    return typeof JSON.parse(match[1]!) === "object";
  } catch {
    return false;
  }
}

/**
 * Our scripts are a header comment followed by one line of code. What is not ours nor glue is kept in
 * order as "other" lines; blank lines are dropped.
 */
export function segments(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let other: string[] = [];
  let otherStart = 0;
  const flush = () => {
    if (other.length > 0)
      out.push({ kind: "other", lines: other, line: otherStart + 1, looksOurs: other.some((line) => OUR_CODE.test(line)) });
    other = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = HEADER.exec(line);
    if (header) {
      flush();
      let end = i;
      while (end < lines.length && !lines[end]!.trimEnd().endsWith("*/")) end++;
      const last = Math.min(end + 1, lines.length - 1);
      out.push({ kind: "ours", name: header[2]!, version: header[1], lines: lines.slice(i, last + 1), line: i + 1 });
      i = last;
      continue;
    }
    if (line.trim() === "" || isGlue(line, true)) continue;
    if (other.length === 0) otherStart = i;
    other.push(line);
  }
  flush();
  return out;
}
