// The package's Node entry: a token as the collection gets it, and the doctor that checks credential files.

export { getAccessToken, getAccessTokenForFile, type AccessToken, type GetAccessTokenOptions } from "./node/get-access-token.js";
export {
  readCredentials,
  readCredentialsFile,
  type Credentials,
  type CredentialsInput,
  type PostmanEnvironmentInput,
} from "./node/credentials.js";
export type { CaCertificates } from "./node/https-transport.js";
export { checkFile, credentialFiles, runDoctor, type DoctorOptions } from "./node/doctor.js";
export { doctorRows, doctorSummary } from "./node/doctor-report.js";
export type { DoctorRow, Finding, Status, WarningCode } from "./node/doctor-types.js";
export { ImsAuthError, isImsAuthError, type ErrorCode } from "./core/errors.js";
export type { AuthFlow } from "./core/config/flow.js";
