// Judges every script of a collection: our compiled scripts byte for byte against what a version builds,
// edited ones with the first difference, and code that is not ours listed (not checked).

import { SCRIPT_NAMES, type ScriptName, scriptLines } from "../generator/collection/scripts.js";
import { packageVersion, releaseDigests, releaseOf } from "./builds.js";
import type { ScriptSite } from "./script-site.js";
import { type OurSegment, segments } from "./segments.js";

export type Status = "matches" | "changed" | "unverified" | "foreign";

export interface Verdict {
  readonly status: Status;
  /** Our script's name; undefined for code that is not ours. */
  readonly name: string | undefined;
  readonly where: string;
  /** 1-based first line of the part judged, within the script. */
  readonly line: number;
  readonly detail: string;
  /** The version it matches. */
  readonly version?: string;
  /** Our segment's lines (for --print-engine). */
  readonly lines?: readonly string[];
}

const SNIPPET = 30;
const show = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - SNIPPET), at + SNIPPET));

/** Where two scripts first differ, in words. */
export function firstDifference(got: readonly string[], want: readonly string[], version: string, start: number): string {
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    const [a, b] = [got[i], want[i]];
    if (a === b) continue;
    if (a === undefined) return `it ends at line ${start + i}, where ${version} builds ${want.length - i} more line(s)`;
    if (b === undefined) return `line ${start + i} is extra: ${version} builds ${want.length} line(s)`;
    let column = 0;
    while (column < a.length && a[column] === b[column]) column++;
    return `line ${start + i}, column ${column + 1}: it has ${show(a, column)} where ${version} builds ${show(b, column)}`;
  }
  return "it differs";
}

function judgeOurs(segment: OurSegment, where: string): Verdict {
  const base = { name: segment.name, where, line: segment.line, lines: segment.lines };
  const current = packageVersion();
  const matched = releaseOf(segment.name, segment.lines);
  if (matched) return { ...base, status: "matches", version: matched, detail: `byte for byte what postman-ims-auth ${matched} builds` };
  if (!SCRIPT_NAMES.includes(segment.name as ScriptName)) {
    return { ...base, status: "changed", detail: `postman-ims-auth builds no script named "${segment.name}"` };
  }
  if (segment.version === current) {
    const detail = firstDifference(segment.lines, scriptLines(segment.name as ScriptName), current, segment.line);
    return { ...base, status: "changed", detail: `changed since built: ${detail}` };
  }
  if (segment.version !== undefined && releaseDigests()[segment.version]) {
    return { ...base, status: "changed", detail: `changed: its header says ${segment.version}, whose build of it has another SHA-256` };
  }
  const who =
    segment.version === undefined
      ? "an earlier postman-ims-auth, before scripts named their version"
      : `postman-ims-auth ${segment.version}`;
  return {
    ...base,
    status: "unverified",
    detail: `built by ${who}, for which ${current} keeps no digests: verify it with that version, or generate (or inject) again`,
  };
}

/** One verdict per compiled script of ours and per run of other code, in the order of the file. */
export function verifySites(sites: readonly ScriptSite[]): Verdict[] {
  return sites.flatMap((site) =>
    segments(site.lines).map((segment): Verdict => {
      if (segment.kind === "ours") return judgeOurs(segment, site.where);
      const count = segment.lines.length;
      const lines = count === 1 ? `line ${segment.line}` : `lines ${segment.line}-${segment.line + count - 1}`;
      return segment.looksOurs
        ? {
            status: "changed",
            name: undefined,
            where: site.where,
            line: segment.line,
            detail: `${lines}: code of postman-ims-auth without its header (edited)`,
          }
        : {
            status: "foreign",
            name: undefined,
            where: site.where,
            line: segment.line,
            detail: `${lines}: not from postman-ims-auth (not checked)`,
          };
    }),
  );
}

/** Verified: at least one script of ours, every one of them matching a known build. */
export const verified = (verdicts: readonly Verdict[]) =>
  verdicts.some((verdict) => verdict.status === "matches") &&
  !verdicts.some((verdict) => verdict.status === "changed" || verdict.status === "unverified");

export function formatVerdict(verdict: Verdict): string {
  return `${verdict.status.padEnd(10)} ${(verdict.name ?? "-").padEnd(15)} ${verdict.where}: ${verdict.detail}`;
}

export function summary(file: string, verdicts: readonly Verdict[]): string {
  const count = (status: Status) => verdicts.filter((verdict) => verdict.status === status).length;
  const ours = verdicts.filter((verdict) => verdict.name !== undefined || verdict.status === "changed").length;
  const versions = [...new Set(verdicts.flatMap((verdict) => (verdict.version ? [verdict.version] : [])))];
  const parts = [
    `${count("matches")} match${versions.length > 0 ? ` postman-ims-auth ${versions.join(", ")}` : ""}`,
    ...(count("changed") > 0 ? [`${count("changed")} changed`] : []),
    ...(count("unverified") > 0 ? [`${count("unverified")} cannot be checked by this version`] : []),
  ];
  if (ours === 0)
    return `${file}: no script of postman-ims-auth found${count("foreign") > 0 ? `; ${count("foreign")} other script part(s)` : ""}`;
  return `${file}: ${ours} script(s) of postman-ims-auth: ${parts.join(", ")}; ${count("foreign")} part(s) not ours (not checked)`;
}
