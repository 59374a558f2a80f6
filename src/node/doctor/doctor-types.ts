// What the doctor reports for each credential file.

import type { ErrorCode } from "../../core/errors.js";
import type { AuthFlow } from "../../core/config/flow.js";
import type { CredentialsKind } from "../token/credentials.js";

export type WarningCode =
  | "WARN_CERTIFICATE_EXPIRES_SOON"
  | "WARN_CERTIFICATE_NOT_YET_VALID"
  | "WARN_TOKEN_EXPIRY_UNKNOWN"
  | "WARN_JWT_END_OF_LIFE";

export interface Finding {
  readonly level: "error" | "warning";
  readonly code: ErrorCode | WarningCode;
  /** Names the variable (or the credentials file's field) and how to fix it; never a secret. */
  readonly message: string;
  /** The variable to change, when there is one. */
  readonly variable?: string | undefined;
}

export type Status = "ok" | "warning" | "error";

export interface DoctorRow {
  readonly file: string;
  /** The worst finding's level; ok when there is none. */
  readonly status: Status;
  readonly kind?: CredentialsKind | undefined;
  readonly flow?: AuthFlow | undefined;
  readonly findings: readonly Finding[];
  /** What was checked and found good (key size, certificate validity, the token IMS issued). */
  readonly notes: readonly string[];
}
