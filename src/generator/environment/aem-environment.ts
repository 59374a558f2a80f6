// Mapping AEM service credentials (as read by inputs/aem-credentials) onto the AEM environment template.

import { requireBareHost } from "../../core/config/checks.js";
import { readAemCredentialsFile, normalizeImsEndpoint, type AemIntegration } from "../../inputs/aem-credentials.js";
import { writeEnvironmentFile } from "../../files/output-file.js";
import { buildEnvironment, templateByFile, type EnvironmentFile } from "./environments.js";

export const AEM_ENVIRONMENT_FILE = "aem.postman_environment.json";

export interface AemEnvironmentOptions {
  /** Bare host of the AEM author or publish service; left empty when not given. */
  readonly aemHost?: string;
  /** Environment name; by default "AEM as a Cloud Service (<client id>)" so environments of several AEM environments differ. */
  readonly name?: string;
}

/**
 * The AEM environment with the credentials filled in. AEM_HOST is refused (ERR_INVALID_VARIABLE, with
 * the corrected value suggested) rather than fixed, like IMS: requests use it as https://{{AEM_HOST}}/….
 */
export function aemEnvironment(credentials: AemIntegration, options: AemEnvironmentOptions = {}): EnvironmentFile {
  const host = options.aemHost?.trim() ?? "";
  const aemHost = host === "" ? "" : requireBareHost("AEM_HOST", host, "author-p123-e456.adobeaemcloud.com");
  const template = templateByFile(AEM_ENVIRONMENT_FILE);
  const values = {
    IMS: normalizeImsEndpoint(credentials.imsEndpoint),
    API_KEY: credentials.technicalAccount.clientId,
    CLIENT_SECRET: credentials.technicalAccount.clientSecret,
    TECHNICAL_ACCOUNT_ID: credentials.id,
    IMS_ORG: credentials.org,
    META_SCOPE: credentials.metascopes,
    PRIVATE_KEY: credentials.privateKey,
    AEM_HOST: aemHost,
    ACCESS_TOKEN: "",
    ACCESS_TOKEN_EXPIRES_AT: "",
    ACCESS_TOKEN_BINDING: "",
    // Not needed to authenticate; kept so that doctor can check the key against it and see when it expires.
    CERTIFICATE: credentials.publicKey ?? "",
  };
  return buildEnvironment(template, values, options.name ?? `${template.name} (${credentials.technicalAccount.clientId})`);
}

/**
 * Reads the credentials file, builds the environment, then writes it: every check runs before the one
 * write, so a bad file or AEM_HOST leaves no output behind. Returns the environment written.
 */
export function importAemCredentials(
  credentialsFile: string,
  environmentFile: string,
  options: AemEnvironmentOptions = {},
): EnvironmentFile {
  const env = aemEnvironment(readAemCredentialsFile(credentialsFile), options);
  writeEnvironmentFile(environmentFile, env);
  return env;
}
