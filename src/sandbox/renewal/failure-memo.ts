// Remembers a failed token request for the same configuration, so 200 requests do not make 200 doomed IMS calls.

import { ImsAuthError, isImsAuthError } from "../../core/errors.js";
import type { Postman } from "../host/postman.js";

export const MEMO_VARIABLE = "IMS_AUTH_LAST_FAILURE";
/** IMS being down may pass: try again after this long. A refusal stands until the variables change. */
const UNREACHABLE_MEMO_MS = 60_000;

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
  const text = pm.collectionVariables.get(MEMO_VARIABLE);
  if (typeof text !== "string" || text === "") return undefined;
  try {
    const memo = JSON.parse(text) as Memo;
    if (memo.key !== key) return undefined;
    if (memo.code === "ERR_IMS_UNREACHABLE" && nowMs - memo.at > UNREACHABLE_MEMO_MS) return undefined;
    return new ImsAuthError(
      memo.code as ImsAuthError["code"],
      `${memo.message} (Not asked again: the same variables failed earlier in this run.)`,
      memo.variable,
    );
  } catch {
    return undefined;
  }
}

export function remember(pm: Postman, key: string, error: unknown, nowMs: number): void {
  // IMS's refusals, and a refresh token IMS no longer takes (it would refuse it again on every request).
  if (!isImsAuthError(error) || !(error.code.startsWith("ERR_IMS_") || error.code === "ERR_SIGN_IN_AGAIN")) return;
  const memo: Memo = { key, code: error.code, message: error.message, at: nowMs, ...(error.variable ? { variable: error.variable } : {}) };
  pm.collectionVariables.set(MEMO_VARIABLE, JSON.stringify(memo));
}

export function forget(pm: Postman): void {
  if (pm.collectionVariables.get(MEMO_VARIABLE)) pm.collectionVariables.set(MEMO_VARIABLE, "");
}
