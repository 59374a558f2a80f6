// Environment templates that instructors fill in and hand to students.

import { ImsAuthError } from "../../core/errors.js";
import { VARIABLES, type VariableName } from "../../core/config/variables.js";
import type { FlowOption } from "../collection/flows.js";
import { stableId } from "../collection/ids.js";

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

export interface EnvironmentTemplate {
  readonly file: string;
  readonly name: string;
  readonly variables: readonly VariableName[];
  /** `generate --flows` writes a template when it serves one of the chosen flows. */
  readonly flows: readonly FlowOption[];
  /** What every student of a roster must be given a value for, unless the instructor says otherwise. */
  readonly required: readonly VariableName[];
}

export const TEMPLATES: readonly EnvironmentTemplate[] = [
  {
    // First: OAuth Server-to-Server is what Developer Console projects use; the JWT templates follow.
    file: "oauth-s2s.postman_environment.json",
    name: "Adobe IMS OAuth Server-to-Server",
    variables: ["IMS", "API_KEY", "CLIENT_SECRET", "SCOPES", "IMS_ORG", "SANDBOX_NAME", "ACCESS_TOKEN", "ACCESS_TOKEN_EXPIRES_AT"],
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
    ],
    // Both flows read its variables; what both need is what a student cannot do without.
    flows: ["jwt", "oauth-s2s"],
    required: ["API_KEY", "CLIENT_SECRET"],
  },
  {
    // Filled in from AEM service credentials (src/generator/aem-credentials.ts); same JWT flow, AEM_HOST for the API calls.
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
    ],
    flows: ["jwt"],
    required: ["API_KEY", "CLIENT_SECRET", "META_SCOPE", "PRIVATE_KEY", "TECHNICAL_ACCOUNT_ID", "IMS_ORG"],
  },
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
  const extra: VariableName[] = [];
  for (const key of Object.keys(values)) {
    if (template.variables.includes(key as VariableName)) continue;
    if (!(key in VARIABLES)) {
      throw new Error(`${key} is not a variable of the ${template.name} environment (${template.variables.join(", ")}).`);
    }
    extra.push(key as VariableName);
  }
  return {
    id: stableId(`environment/${name}`),
    name,
    values: [...template.variables, ...extra].map((key) => {
      const info = VARIABLES[key];
      return {
        key,
        value: values[key] ?? ("default" in info ? info.default : ""),
        type: info.secret ? "secret" : "default",
        enabled: true,
        description: info.description,
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
