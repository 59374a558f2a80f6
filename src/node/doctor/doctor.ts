// The doctor: checks credential files before a workshop — offline as the collection would, then optionally with IMS.

import { optionalValue } from "../../core/config/checks.js";
import { checkCredentials } from "../../core/ims/credential-checks.js";
import { isAemClientId, jwtMigrationAdvice } from "../../core/ims/jwt-end-of-life.js";
import { isImsAuthError, type ImsAuthError } from "../../core/errors.js";
import { checkCertificate } from "./certificate-check.js";
import { readCredentialsFile, variableSource, withIms, type Credentials } from "../token/credentials.js";
import { doctorFiles } from "./doctor-files.js";
import type { DoctorRow, Finding, Status } from "./doctor-types.js";
import { tokenFor } from "../token/get-access-token.js";
import { userOffline, whoIsSignedIn } from "./doctor-user.js";
import type { HttpsOptions } from "../https/https-transport.js";

export interface DoctorOptions extends HttpsOptions {
  /** Also ask IMS for a token with each file that passed the offline checks. */
  readonly online?: boolean | undefined;
  /** The IMS host to check and ask, instead of each file's IMS. */
  readonly ims?: string | undefined;
  /** Called as each file is done, in the order they finish. */
  readonly progress?: ((checked: number, total: number, file: string) => void) | undefined;
}

/** Token exchanges at once with --online: a class of thirty in seconds, without looking like a flood to IMS. */
const CONCURRENCY = 4;

/** Where the AEM credentials file keeps what the messages call by its variable name. */
const AEM_FIELDS: Record<string, string> = {
  IMS: "integration.imsEndpoint",
  API_KEY: "integration.technicalAccount.clientId",
  CLIENT_SECRET: "integration.technicalAccount.clientSecret",
  TECHNICAL_ACCOUNT_ID: "integration.id",
  IMS_ORG: "integration.org",
  META_SCOPE: "integration.metascopes",
  PRIVATE_KEY: "integration.privateKey",
};

const RENEW = {
  aem: "in the AEM Developer Console, Integrations → Refresh Service Credentials, and hand out the new file.",
  other: "make a new key pair and certificate, upload the certificate to the Developer Console credential and replace PRIVATE_KEY.",
};

/** The files the doctor checks (see doctor-files.ts). */
export function credentialFiles(paths: readonly string[]): string[] {
  return doctorFiles(paths).files;
}

function fromError(error: ImsAuthError): Finding {
  return { level: "error", code: error.code, message: error.message, variable: error.variable };
}

/** AEM users know the file, not the variables made from it: name the field too. */
function inFile(finding: Finding, credentials: Credentials | undefined): Finding {
  const field = credentials?.kind === "aem" && finding.variable ? AEM_FIELDS[finding.variable] : undefined;
  return field ? { ...finding, message: `${finding.message} (In the credentials file: ${field}.)` } : finding;
}

function statusOf(findings: readonly Finding[]): Status {
  if (findings.some((finding) => finding.level === "error")) return "error";
  return findings.length > 0 ? "warning" : "ok";
}

/** Everything the doctor can tell about one file without the network. */
function offline(file: string, credentials: Credentials, nowMs: number): DoctorRow {
  const source = variableSource(credentials);
  const checked = checkCredentials(source, nowMs);
  const findings = checked.problems.map(fromError);
  const notes: string[] = [];
  if (checked.flow) notes.push(`${checked.flow} flow`);
  if (checked.keyBits) notes.push(`${checked.keyBits}-bit RSA key`);
  if (checked.flow === "jwt") {
    // Only a warning: the credential may still work until its certificate or Adobe's cut-off ends it.
    if (credentials.kind !== "aem" && !isAemClientId(optionalValue(source, "API_KEY"))) {
      findings.push({
        level: "warning",
        code: "WARN_JWT_END_OF_LIFE",
        message: `This is a Service Account (JWT) credential. ${jwtMigrationAdvice()}`,
        variable: "API_KEY",
      });
    }
    if (credentials.certificate) {
      const renew = credentials.kind === "aem" ? RENEW.aem : RENEW.other;
      const certificate = checkCertificate(
        credentials.certificate,
        checked.keyBits ? optionalValue(source, "PRIVATE_KEY") : undefined,
        nowMs,
        renew,
      );
      findings.push(...certificate.findings);
      notes.push(...certificate.notes);
    } else
      notes.push(
        `no certificate to compare the key with (${credentials.kind === "aem" ? "the file has no integration.publicKey" : "add it as CERTIFICATE"})`,
      );
  }
  if (checked.flow === "user") {
    const user = userOffline(source, nowMs);
    findings.push(...user.findings);
    notes.push(...user.notes);
  }
  if (checked.flow === "token" && findings.length === 0) {
    if (checked.tokenExpiresAt === undefined) {
      findings.push({
        level: "warning",
        code: "WARN_TOKEN_EXPIRY_UNKNOWN",
        message:
          "ACCESS_TOKEN does not say when it expires: it is used until an API refuses it. Paste a fresh token just before the workshop.",
        variable: "ACCESS_TOKEN",
      });
    } else notes.push(`ACCESS_TOKEN valid until ${new Date(checked.tokenExpiresAt).toISOString()}`);
  }
  const named = findings.map((finding) => inFile(finding, credentials));
  return { file, status: statusOf(named), kind: credentials.kind, flow: checked.flow, findings: named, notes };
}

/** What only IMS can tell (a scope it does not grant, a wrong secret, a certificate it does not hold): for files that passed offline. */
async function online(row: DoctorRow, credentials: Credentials, options: DoctorOptions): Promise<DoctorRow> {
  if (row.status === "error" || row.flow === "token") return row;
  // A user's sign-in: userinfo with the stored token; renewing would spend the refresh token.
  if (row.flow === "user") return { ...row, notes: [...row.notes, await whoIsSignedIn(variableSource(credentials), options)] };
  try {
    const token = await tokenFor(variableSource(credentials), { ca: options.ca, timeoutMs: options.timeoutMs });
    const until = token.expiresAt === undefined ? "" : ` valid until ${new Date(token.expiresAt).toISOString()}`;
    return { ...row, notes: [...row.notes, `IMS issued a token${until}`] };
  } catch (error) {
    if (!isImsAuthError(error)) throw error;
    return { ...row, status: "error", findings: [...row.findings, inFile(fromError(error), credentials)] };
  }
}

/** Checks one file: never throws for what is wrong with the file; its row says it. */
export async function checkFile(file: string, options: DoctorOptions = {}): Promise<DoctorRow> {
  let credentials: Credentials;
  try {
    credentials = withIms(readCredentialsFile(file), options.ims);
  } catch (error) {
    if (!isImsAuthError(error)) throw error;
    return { file, status: "error", findings: [fromError(error)], notes: [] };
  }
  const row = offline(file, credentials, Date.now());
  return options.online ? online(row, credentials, options) : row;
}

/** Checks every file (directories expanded), a few at a time; rows in the order of the files. */
export async function runDoctor(paths: readonly string[], options: DoctorOptions = {}): Promise<DoctorRow[]> {
  const files = credentialFiles(paths);
  const rows: DoctorRow[] = new Array<DoctorRow>(files.length);
  let next = 0;
  let checked = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] ?? "";
      rows[index] = await checkFile(file, options);
      options.progress?.(++checked, files.length, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return rows;
}
