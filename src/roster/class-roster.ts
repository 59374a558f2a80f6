// A class roster file → one environment file per student, all or nothing (what `roster` does).

import { ImsAuthError } from "../core/errors.js";
import type { VariableName } from "../core/config/variables.js";
import { readValues } from "../generator/environment/make-environment.js";
import { templateByName, templateShortName } from "../generator/environment/environments.js";
import { readInputFile } from "../inputs/input-file.js";
import { readRoster, writeRoster, type RosterEntry } from "./roster.js";

export interface ClassRosterRequest {
  /** The CSV: a header row naming `name` and the variables, then one row per student. */
  readonly csv: string;
  /** Directory for the environment files (made when missing). */
  readonly out: string;
  /** Template short name (default: workshop). */
  readonly template?: string;
  /** Variables every student must have; by default the template's own list. */
  readonly required?: readonly string[];
  /** Overwrite existing files (otherwise any existing target stops the whole write). */
  readonly force?: boolean;
  /** Class-wide values, as for `env`: `.env` files, NAME=FILE, NAME=VALUE or NAME (from the process environment); a student's own cell wins. */
  readonly envFiles?: readonly string[];
  readonly setFiles?: readonly string[];
  readonly set?: readonly string[];
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  /** The CSV's field separator (default ","). */
  readonly separator?: string;
}

export interface ClassRoster {
  readonly entries: readonly RosterEntry[];
  /** Paths written, in roster order. */
  readonly files: readonly string[];
}

/** Reads and checks the whole roster, then writes every student's environment (0600), or nothing. */
export function writeClassRoster(request: ClassRosterRequest): ClassRoster {
  const template = templateByName(request.template ?? "workshop");
  const required = request.required ?? template.required;
  const foreign = required.filter((name) => !template.variables.includes(name as VariableName));
  if (foreign.length > 0) {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `${foreign.join(", ")} ${foreign.length === 1 ? "is" : "are"} not in the ${templateShortName(template)} template, so no student can be required to have ${foreign.length === 1 ? "it" : "them"}: choose among ${template.variables.join(", ")}.`,
    );
  }
  const classValues = readValues(request);
  const separator = readSeparator(request.separator);
  const entries = readRoster(readInputFile(request.csv, "the class roster"), request.csv, { template, required, classValues, separator });
  const files = writeRoster(entries, request.out, { force: request.force ?? false });
  return { entries, files };
}

/** ",", ";", "|" or a tab (typed as "tab" or \t). */
function readSeparator(given: string | undefined): string {
  if (given === undefined) return ",";
  const separator = given === "tab" || given === "\\t" ? "\t" : given;
  if ([",", ";", "\t", "|"].includes(separator)) return separator;
  throw new ImsAuthError("ERR_INVALID_OPTION", `the separator must be ",", ";", "|" or tab, not "${given.slice(0, 10)}".`);
}
