// Body of the sample API requests' pre-request script, as a function of `pm` (Postman's, or the Bruno adapter's).

import { checkSampleVariables, type SampleSwitch } from "../../core/config/sample-checks.js";
import { sampleOffNote } from "../notes/skip-notes.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";

/** Sample API requests: skipped while their folder is off, refused with named problems when a variable they send is not right. */
export function sampleGuard(pm: Postman, sample: SampleSwitch): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => sampleOffNote(source, sample, pm.info?.requestName ?? sample.folder), sample.folder)) return;
  const problems = checkSampleVariables(source, sample, typeof pm.vault?.get === "function");
  if (problems.length > 0) refuse(pm, problems, sample.folder);
}
