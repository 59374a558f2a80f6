// Pre-request script of the sample API requests: skipped while their folder is off, refused with named problems when a variable they send is not right.

import { checkSampleVariables, sampleOffNote, type SampleSwitch } from "../../core/config/sample-checks.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";

declare const pm: Postman;
/** Given by the line that wraps this script in the collection: `(function (sample) { … })({…})`. */
declare const sample: SampleSwitch;

function run(): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => sampleOffNote(source, sample, pm.info?.requestName ?? sample.folder), sample.folder)) return;
  const problems = checkSampleVariables(source, sample, typeof pm.vault?.get === "function");
  if (problems.length > 0) refuse(pm, problems, sample.folder);
}

run();
