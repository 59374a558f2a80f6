// The doctor's report as text: one row per file (status, file, flow, why), then a summary line.

import type { DoctorRow } from "./doctor-types.js";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Rows aligned on the file column; a good file shows what was checked, any other its findings. */
export function doctorRows(rows: readonly DoctorRow[]): string[] {
  const width = Math.min(Math.max(0, ...rows.map((row) => row.file.length)), 60);
  return rows.map((row) => {
    const why =
      row.findings.length > 0 ? row.findings.map((finding) => `${finding.code}: ${finding.message}`).join(" | ") : row.notes.join("; ");
    return `${row.status.padEnd(7)}  ${row.file.padEnd(width)}  ${(row.flow ?? "-").padEnd(5)}  ${why}`;
  });
}

export function doctorSummary(rows: readonly DoctorRow[]): string {
  const count = (status: DoctorRow["status"]) => rows.filter((row) => row.status === status).length;
  return `${plural(rows.length, "file")}: ${count("ok")} ok, ${plural(count("warning"), "warning")}, ${plural(count("error"), "error")}`;
}
