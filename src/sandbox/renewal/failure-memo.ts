// Remembers a refused token request for the rest of one run, so 200 requests do not make 200 doomed IMS calls.

import { ImsAuthError, isImsAuthError } from "../../core/errors.js";
import type { Postman } from "../host/postman.js";

/**
 * A local variable (pm.variables.set): postman-runtime keeps it across the requests and iterations of one run
 * and drops it after, so a new Send or a new run asks IMS again (the app keeps collection variables for days,
 * which once made a refusal fixed in the Developer Console look unfixed).
 */
export const MEMO_VARIABLE = "IMS_AUTH_RUN_FAILURE";
/** IMS being down may pass: try again after this long. */
const UNREACHABLE_MEMO_MS = 60_000;
/** Where local variables outlive a run (Bruno's app keeps runtime variables between Sends): a refusal stands this long. */
const OUTLIVING_MEMO_MS = 60_000;

interface Memo {
  readonly key: string;
  readonly code: string;
  readonly message: string;
  readonly at: number;
  /** The variable to fix, when the failure names one (REFRESH_TOKEN for a refresh token IMS no longer takes). */
  readonly variable?: string;
}

/** The earlier failure for this configuration, as an error to report again; undefined when IMS should be asked. */
export function rememberedFailure(pm: Postman, key: string, nowMs: number): ImsAuthError | undefined {
  const text = pm.variables.get(MEMO_VARIABLE);
  if (typeof text !== "string" || text === "") return undefined;
  try {
    const memo = JSON.parse(text) as Memo;
    if (memo.key !== key) return undefined;
    const age = nowMs - memo.at;
    if (memo.code === "ERR_IMS_UNREACHABLE" && age > UNREACHABLE_MEMO_MS) return undefined;
    if (pm.localVariablesOutliveRun && age > OUTLIVING_MEMO_MS) return undefined;
    const when = pm.localVariablesOutliveRun
      ? `IMS refused the same values ${Math.max(1, Math.round(age / 1000))} s ago; it is asked again after a minute`
      : "IMS refused the same values earlier in this run; a new Send or run asks it again";
    return new ImsAuthError(memo.code as ImsAuthError["code"], `${memo.message} (Not asked again: ${when}.)`, memo.variable);
  } catch {
    return undefined;
  }
}

export function remember(pm: Postman, key: string, error: unknown, nowMs: number): void {
  // IMS's refusals, and a refresh token IMS no longer takes (it would refuse it again on every request).
  if (!isImsAuthError(error) || !(error.code.startsWith("ERR_IMS_") || error.code === "ERR_SIGN_IN_AGAIN")) return;
  const memo: Memo = { key, code: error.code, message: error.message, at: nowMs, ...(error.variable ? { variable: error.variable } : {}) };
  pm.variables.set(MEMO_VARIABLE, JSON.stringify(memo));
}

export function forget(pm: Postman): void {
  if (pm.variables.get(MEMO_VARIABLE)) pm.variables.set(MEMO_VARIABLE, "");
}
