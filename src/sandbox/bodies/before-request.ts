// What our before-request scripts do, as functions of `pm`: the Postman entries call them with Postman's `pm`, the Bruno entries with the adapter's.

import { skipTokenRequestNote } from "../../core/config/flow.js";
import { readS2sConfig, s2sTokenForm } from "../../core/config/s2s-config.js";
import { checkSampleVariables, sampleOffNote, type SampleSwitch } from "../../core/config/sample-checks.js";
import { storedTokenIsFresh } from "../../core/ims/token-freshness.js";
import { loadEngine } from "../engine/engine-loader.js";
import type { SandboxHost } from "../host/host.js";
import { isImsRequest, refuse, resolvedSource, skipWithNote, variableSource, type Postman } from "../host/postman.js";

/** Collection level: before every API request, make sure ACCESS_TOKEN is valid for a while yet. */
export function autoAuth(pm: Postman, host: () => SandboxHost): void {
  if (isImsRequest(pm)) return;
  try {
    // The path of almost every request: a token with time left. Nothing else is read or unpacked.
    if (storedTokenIsFresh(variableSource(pm), Date.now())) return;
    loadEngine().autoAuth(pm, host());
  } catch (error) {
    refuse(pm, [error], "Adobe IMS access token");
  }
}

/** "IMS: JWT Generate + Auth via User Token": unpacks the engine and lets it sign. */
export function jwtExchange(pm: Postman, host: () => SandboxHost): void {
  // Decided before the engine is unpacked: an environment with another credential pays nothing for it.
  if (skipWithNote(pm, () => skipTokenRequestNote(resolvedSource(pm), "jwt"), "JWT signing")) return;
  try {
    loadEngine().jwtExchange(pm, host());
  } catch (error) {
    refuse(pm, [error], "JWT signing");
  }
}

/** "IMS: OAuth Server-to-Server Token": checks the variables and fills the form with clean values. */
export function s2sExchange(pm: Postman): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => skipTokenRequestNote(source, "s2s"), "OAuth Server-to-Server")) return;
  const checked = readS2sConfig(source);
  if (!checked.ok) {
    refuse(pm, checked.problems, "OAuth Server-to-Server");
    return;
  }
  const form = pm.request.body?.urlencoded;
  for (const [key, value] of s2sTokenForm(checked.value)) form?.upsert({ key, value });
}

/** Sample API requests: skipped while their folder is off, refused with named problems when a variable they send is not right. */
export function sampleGuard(pm: Postman, sample: SampleSwitch): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => sampleOffNote(source, sample, pm.info?.requestName ?? sample.folder), sample.folder)) return;
  const problems = checkSampleVariables(source, sample);
  if (problems.length > 0) refuse(pm, problems, sample.folder);
}
