// What an environment template is, and the variables an environment may hold (the collection's, and CERTIFICATE).

import { VARIABLES, type VariableInfo, type VariableName } from "../../core/config/variables.js";
import type { FlowOption } from "../collection/flows.js";

/**
 * What an environment may hold: the collection's variables, and CERTIFICATE, which only the doctor
 * reads (to compare PRIVATE_KEY with it and to see when it expires). Kept out of core: the scripts
 * never read it, so it costs them nothing.
 */
export const ENVIRONMENT_VARIABLES = {
  ...VARIABLES,
  CERTIFICATE: {
    description:
      "Optional, not read by the collection: the certificate of PRIVATE_KEY (BEGIN CERTIFICATE), so that postman-ims-auth doctor can check that key and certificate match and when it expires.",
    secret: false,
  },
} as const satisfies Record<string, VariableInfo>;

export type EnvironmentVariableName = keyof typeof ENVIRONMENT_VARIABLES;

export const isEnvironmentVariable = (name: string): name is EnvironmentVariableName => name in ENVIRONMENT_VARIABLES;

export interface EnvironmentTemplate {
  readonly file: string;
  readonly name: string;
  readonly variables: readonly EnvironmentVariableName[];
  /** Descriptions that fit this template's credential better than the general ones. */
  readonly descriptions?: Partial<Record<EnvironmentVariableName, string>>;
  /** `generate --flows` writes a template when it serves one of the chosen flows. */
  readonly flows: readonly FlowOption[];
  /** What every student of a roster must be given a value for, unless the instructor says otherwise. */
  readonly required: readonly VariableName[];
  /** Values this template starts with, over the variables' own defaults. */
  readonly defaults?: Partial<Record<EnvironmentVariableName, string>>;
}
