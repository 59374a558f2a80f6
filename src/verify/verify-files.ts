// `verify FILE…` as a library call: the verdicts of each file, and the engines its scripts carry.

import { collectionScripts } from "./collection-scripts.js";
import { builtEngine, carriedEngine } from "./engine-source.js";
import { formatVerdict, summary, type Verdict, verified, verifySites } from "./verify.js";

export interface FileReport {
  readonly file: string;
  readonly verdicts: readonly Verdict[];
  readonly ok: boolean;
  /** One report line per verdict, then the summary. */
  readonly text: string;
}

export function verifyFile(file: string): FileReport {
  const verdicts = verifySites(collectionScripts(file));
  return { file, verdicts, ok: verified(verdicts), text: [...verdicts.map(formatVerdict), summary(file, verdicts)].join("\n") };
}

export interface EngineText {
  readonly digest: string;
  /** Scripts that carry it. */
  readonly carriedBy: readonly string[];
  /** This version's engine: the readable build is printed; otherwise the engine as carried (minified). */
  readonly known: boolean;
  readonly text: string;
}

/** Every distinct engine the reports' scripts carry, with the text to print for it. */
export function enginesOf(reports: readonly FileReport[]): EngineText[] {
  const built = builtEngine();
  const engines = new Map<string, { carriedBy: string[]; source: string }>();
  for (const report of reports) {
    for (const verdict of report.verdicts) {
      const engine = verdict.lines ? carriedEngine(verdict.lines) : undefined;
      if (!engine) continue;
      const entry = engines.get(engine.digest) ?? { carriedBy: [], source: engine.source };
      entry.carriedBy.push(`${report.file}: ${verdict.where} (${verdict.name})`);
      engines.set(engine.digest, entry);
    }
  }
  return [...engines].map(([digest, { carriedBy, source }]) => ({
    digest,
    carriedBy,
    known: digest === built.digest,
    text: digest === built.digest ? built.readable : source,
  }));
}
