// Environment templates that instructors fill in and hand to students.

import { ImsAuthError } from "../../core/errors.js";
import type { VariableInfo } from "../../core/config/variables.js";
import { stableId } from "../collection/ids.js";
import { ENVIRONMENT_VARIABLES, type EnvironmentTemplate, type EnvironmentVariableName, isEnvironmentVariable } from "./template.js";
import { USER_TEMPLATE } from "./user-template.js";

export { ENVIRONMENT_VARIABLES, type EnvironmentTemplate, type EnvironmentVariableName, isEnvironmentVariable } from "./template.js";

export interface EnvironmentValue {
  key: string;
  value: string;
  type: "default" | "secret";
  enabled: true;
  description: string;
}

export interface EnvironmentFile {
  id: string;
  name: string;
  values: EnvironmentValue[];
  _postman_variable_scope: "environment";
}

export const TEMPLATES: readonly EnvironmentTemplate[] = [
  {
    // First: OAuth Server-to-Server is what Developer Console projects use; the JWT templates follow.
    file: "oauth-s2s.postman_environment.json",
    name: "Adobe IMS OAuth Server-to-Server",
    variables: [
      "IMS",
      "API_KEY",
      "CLIENT_SECRET",
      "SCOPES",
      "IMS_ORG",
      "SANDBOX_NAME",
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
    ],
    flows: ["oauth-s2s"],
    required: ["API_KEY", "CLIENT_SECRET", "SCOPES"],
  },
  {
    file: "workshop.postman_environment.json",
    name: "Adobe IMS workshop",
    variables: [
      "CLIENT_SECRET",
      "API_KEY",
      "META_SCOPE",
      "SCOPES",
      "PRIVATE_KEY",
      "TECHNICAL_ACCOUNT_ID",
      "IMS_ORG",
      "IMS",
      "SANDBOX_NAME",
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
    ],
    // Both flows read its variables; what both need is what a student cannot do without.
    flows: ["jwt", "oauth-s2s"],
    required: ["API_KEY", "CLIENT_SECRET"],
  },
  {
    // Filled in from AEM service credentials (src/generator/environment/aem-environment.ts); same JWT flow, AEM_HOST for the API calls.
    file: "aem.postman_environment.json",
    name: "AEM as a Cloud Service",
    variables: [
      "CLIENT_SECRET",
      "API_KEY",
      "META_SCOPE",
      "PRIVATE_KEY",
      "TECHNICAL_ACCOUNT_ID",
      "IMS_ORG",
      "IMS",
      "AEM_HOST",
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
      "CERTIFICATE",
    ],
    // The AEM Developer Console hands out one JSON file: each value is named by its field there.
    descriptions: {
      CLIENT_SECRET:
        "integration.technicalAccount.clientSecret of the AEM service credentials (Developer Console → Integrations → Get Service Credentials).",
      API_KEY: "integration.technicalAccount.clientId of the AEM service credentials.",
      META_SCOPE: "integration.metascopes of the AEM service credentials, comma-separated (for example ent_aem_cloud_sdk).",
      PRIVATE_KEY: "integration.privateKey of the AEM service credentials, whole, from -----BEGIN to END-----.",
      TECHNICAL_ACCOUNT_ID: "integration.id of the AEM service credentials, ending in @techacct.adobe.com.",
      IMS_ORG: "integration.org of the AEM service credentials, ending in @AdobeOrg.",
      IMS: "integration.imsEndpoint of the AEM service credentials, without https:// (ims-na1.adobelogin.com).",
      ACCESS_TOKEN:
        "Filled in by the collection from the service credentials. Without them, paste a local development token (Developer Console → Integrations → Get Local Development Token) and leave the credential values empty: it is used until it expires.",
      CERTIFICATE: "integration.publicKey of the AEM service credentials: doctor checks PRIVATE_KEY against it and when it expires.",
    },
    flows: ["jwt"],
    required: ["API_KEY", "CLIENT_SECRET", "META_SCOPE", "PRIVATE_KEY", "TECHNICAL_ACCOUNT_ID", "IMS_ORG"],
  },
  USER_TEMPLATE,
];

/** A template's short name, as the command line takes it: "workshop", "oauth-s2s", "aem". */
export function templateShortName(template: EnvironmentTemplate): string {
  return template.file.replace(/\.postman_environment\.json$/, "");
}

/**
 * An environment with the template's variables; `values` fills some in. A value for another known
 * variable (AUTH_FLOW, PLATFORM_HOST, …) is added after the template's; unknown names are refused.
 */
export function buildEnvironment(
  template: EnvironmentTemplate,
  values: Partial<Record<string, string>> = {},
  name = template.name,
): EnvironmentFile {
  const extra: EnvironmentVariableName[] = [];
  for (const key of Object.keys(values)) {
    if (template.variables.includes(key as EnvironmentVariableName)) continue;
    if (!isEnvironmentVariable(key)) {
      throw new Error(`${key} is not a variable of the ${template.name} environment (${template.variables.join(", ")}).`);
    }
    extra.push(key);
  }
  return {
    id: stableId(`environment/${name}`),
    name,
    values: [...template.variables, ...extra].map((key) => {
      const info: VariableInfo = ENVIRONMENT_VARIABLES[key];
      return {
        key,
        value: values[key] ?? template.defaults?.[key] ?? info.default ?? "",
        type: info.secret ? "secret" : "default",
        enabled: true,
        description: template.descriptions?.[key] ?? info.description,
      };
    }),
    _postman_variable_scope: "environment",
  };
}

/** The template by short name or file name; unknown names are refused with the list of known ones. */
export function templateByName(name: string): EnvironmentTemplate {
  const template = TEMPLATES.find((candidate) => templateShortName(candidate) === name || candidate.file === name);
  if (!template) {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `there is no environment template "${name}": use one of ${TEMPLATES.map(templateShortName).join(", ")}.`,
    );
  }
  return template;
}

export function templateByFile(file: string): EnvironmentTemplate {
  const template = TEMPLATES.find((candidate) => candidate.file === file);
  if (!template) throw new Error(`no environment template ${file}`);
  return template;
}
