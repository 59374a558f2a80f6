// The project's one error type: a stable `code` for programs, a message a student can act on.

export type ErrorCode =
  | "ERR_MISSING_VARIABLE"
  | "ERR_INVALID_VARIABLE"
  | "ERR_PRIVATE_KEY_FORMAT"
  | "ERR_PRIVATE_KEY_TYPE"
  | "ERR_PRIVATE_KEY_SIZE"
  | "ERR_PRIVATE_KEY_PASSPHRASE"
  | "ERR_PRIVATE_KEY_ENCRYPTION"
  | "ERR_AUTH_FLOW"
  | "ERR_TOKEN_EXPIRED"
  | "ERR_SIGN_IN_AGAIN"
  | "ERR_SIGN_IN"
  | "ERR_VAULT_UNAVAILABLE"
  | "ERR_VAULT_DENIED"
  | "ERR_VAULT_MISSING"
  | "ERR_SECRET_HIDDEN"
  | "ERR_SCRIPT_INTEGRITY"
  | "ERR_SIGNING"
  | "ERR_IMS_REJECTED"
  | "ERR_IMS_RESPONSE"
  | "ERR_IMS_UNREACHABLE"
  | "ERR_CREDENTIALS_FILE"
  | "ERR_CERTIFICATE_FORMAT"
  | "ERR_CERTIFICATE_MISMATCH"
  | "ERR_CERTIFICATE_EXPIRED"
  | "ERR_INPUT_FILE"
  | "ERR_ROSTER"
  | "ERR_OUTPUT_EXISTS"
  | "ERR_OUTPUT_PATH"
  | "ERR_INVALID_OPTION"
  | "ERR_NEWMAN_MISSING"
  | "ERR_USAGE";

export class ImsAuthError extends Error {
  override readonly name = "ImsAuthError";
  readonly code: ErrorCode;
  /** The variable the user has to change, when there is one. */
  readonly variable: string | undefined;

  constructor(code: ErrorCode, message: string, variable?: string) {
    super(message);
    this.code = code;
    this.variable = variable;
  }
}

/**
 * Duck-typed: the signer is evaluated from its own bundle, so its errors are instances of another
 * copy of this class.
 */
export function isImsAuthError(value: unknown): value is ImsAuthError {
  return (
    value instanceof Error &&
    value.name === "ImsAuthError" &&
    typeof (value as unknown as { code?: unknown }).code === "string" &&
    (value as unknown as { code: string }).code.startsWith("ERR_")
  );
}
