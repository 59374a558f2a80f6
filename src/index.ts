// The package's Node entry: a token as the collection gets it, and the doctor that checks credential files.

export { getAccessToken, getAccessTokenForFile, type AccessToken, type GetAccessTokenOptions } from "./node/token/get-access-token.js";
export {
  readCredentials,
  readCredentialsFile,
  type Credentials,
  type CredentialsInput,
  type PostmanEnvironmentInput,
} from "./node/token/credentials.js";
export type { CaCertificates } from "./node/https/https-transport.js";
export { checkFile, credentialFiles, runDoctor, type DoctorOptions } from "./node/doctor/doctor.js";
export { doctorRows, doctorSummary } from "./node/doctor/doctor-report.js";
export type { DoctorRow, Finding, Status, WarningCode } from "./node/doctor/doctor-types.js";
export { ImsAuthError, isImsAuthError, type ErrorCode } from "./core/errors.js";
export type { AuthFlow } from "./core/config/flow.js";
