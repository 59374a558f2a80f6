// One environment from one source (a template, AEM service credentials or a Developer Console download), plus values.

import { ImsAuthError } from "../../core/errors.js";
import { isSecretName } from "../../core/config/secret-names.js";
import { readAemCredentials } from "../../inputs/aem-credentials.js";
import { aemEnvironment } from "./aem-environment.js";
import { readPostmanEnvironment, type PostmanEnvironment } from "../../inputs/console-environment.js";
import { parseDotenv } from "../../inputs/dotenv.js";
import {
  buildEnvironment,
  ENVIRONMENT_VARIABLES,
  isEnvironmentVariable,
  templateByName,
  type EnvironmentFile,
  type EnvironmentValue,
} from "./environments.js";
import { stableId } from "../collection/ids.js";
import { readInputFile } from "../../inputs/input-file.js";
import { checkOutputFile, writeEnvironmentFile } from "../../files/output-file.js";

export interface EnvironmentRequest {
  /** Template short name (workshop, oauth-s2s, aem); the workshop template when no source is given. */
  readonly template?: string;
  /** AEM service credentials (Developer Console JSON). */
  readonly aemCredentials?: string;
  readonly aemHost?: string;
  /** A Postman environment export, such as Developer Console's "Download for Postman": its names are kept. */
  readonly fromConsole?: string;
  /** `.env`-style files, read in order; later ones win. */
  readonly envFiles?: readonly string[];
  /** NAME=FILE: the value is the file's text (a PEM key), trailing line ends removed. */
  readonly setFiles?: readonly string[];
  /** NAME=VALUE, or NAME alone to take the value of the process environment's NAME (keeps secrets off the command line). */
  readonly set?: readonly string[];
  /** The environment's name (default: the template's, the credential's or the download's). */
  readonly name?: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  /** Leave every secret empty: a file to commit, its secrets given at run time (newman --env-var from a CI secret). */
  readonly withoutSecrets?: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Builds the environment; every input is read and checked first, nothing is written. */
export function makeEnvironment(request: EnvironmentRequest): EnvironmentFile {
  const environment = fromSource(request);
  if (!request.withoutSecrets) return environment;
  return { ...environment, values: environment.values.map((value) => (value.type === "secret" ? { ...value, value: "" } : value)) };
}

function fromSource(request: EnvironmentRequest): EnvironmentFile {
  const sources = [request.template, request.aemCredentials, request.fromConsole].filter((source) => source !== undefined);
  if (sources.length > 1) {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      "give one source for the environment (a template, AEM service credentials or a Developer Console download), not several.",
    );
  }
  if (request.aemHost !== undefined && request.aemCredentials === undefined) {
    throw new ImsAuthError("ERR_INVALID_OPTION", "an AEM host goes with AEM service credentials: give the credentials file too.");
  }
  if (request.fromConsole !== undefined) {
    const download = readPostmanEnvironment(readInputFile(request.fromConsole, "the Developer Console download"), request.fromConsole);
    return withValues(consoleEnvironment(download, request.name), readValues(request, new Set(download.values.keys())));
  }
  const values = readValues(request, new Set());
  if (request.aemCredentials !== undefined) {
    const credentials = readAemCredentials(readInputFile(request.aemCredentials, "the AEM service credentials"), request.aemCredentials);
    const env = aemEnvironment(credentials, {
      ...(request.aemHost === undefined ? {} : { aemHost: request.aemHost }),
      ...(request.name === undefined ? {} : { name: request.name }),
    });
    return withValues(env, values);
  }
  const template = templateByName(request.template ?? "workshop");
  return buildEnvironment(template, values, request.name ?? template.name);
}

/** Builds the environment, then writes it (0600, whole or not at all); an existing file is kept unless `force`. */
export function createEnvironmentFile(request: EnvironmentRequest & { readonly out: string; readonly force?: boolean }): EnvironmentFile {
  checkOutputFile(request.out, request.force);
  const env = makeEnvironment(request);
  writeEnvironmentFile(request.out, env);
  return env;
}

/**
 * A download's variables in its order under their own names. The ones we know get our type and
 * description; any other is kept, typed secret when its name looks like one.
 */
export function consoleEnvironment(download: PostmanEnvironment, name = download.name): EnvironmentFile {
  const values = [...download.values].map(([key, value]) =>
    entry(key, value, "Kept from the Developer Console download; the Adobe IMS collection does not read it."),
  );
  return { id: stableId(`environment/${name}`), name, values, _postman_variable_scope: "environment" };
}

function entry(key: string, value: string, otherwise: string): EnvironmentValue {
  const info = (ENVIRONMENT_VARIABLES as Record<string, { description: string; secret: boolean } | undefined>)[key];
  const secret = info ? info.secret : isSecretName(key);
  return { key, value, type: secret ? "secret" : "default", enabled: true, description: info?.description ?? otherwise };
}

/** Values replace those of the same name; names the environment lacks are added after its own. */
function withValues(env: EnvironmentFile, values: Record<string, string>): EnvironmentFile {
  const result = env.values.map((value) => (value.key in values ? { ...value, value: values[value.key] ?? "" } : value));
  for (const [name, value] of Object.entries(values)) {
    if (!env.values.some((existing) => existing.key === name)) result.push(entry(name, value, ""));
  }
  return { ...env, values: result };
}

/** Values from the .env files, then from files, then from --set: later ones win. Unknown names are refused. The roster reads its class-wide values with it too. */
export function readValues(
  request: Pick<EnvironmentRequest, "envFiles" | "setFiles" | "set" | "processEnv">,
  alsoKnown: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const values: Record<string, string> = {};
  const accept = (name: string, where: string, value: string) => {
    if (!isEnvironmentVariable(name) && !alsoKnown.has(name)) throw unknownName(name, where);
    values[name] = value;
  };
  for (const file of request.envFiles ?? []) {
    for (const [name, value] of parseDotenv(readInputFile(file, "the .env file"), file)) accept(name, file, value);
  }
  for (const assignment of request.setFiles ?? []) {
    const [name, file] = split(assignment, "NAME=FILE");
    if (file === undefined || file === "")
      throw new ImsAuthError("ERR_INVALID_OPTION", `"${name}=" names no file: write ${name}=path/to/file.`);
    accept(name, `${name}=${file}`, readInputFile(file, `the file for ${name}`).replace(/[\r\n]+$/, ""));
  }
  for (const [name, value, where] of setValues(request.set ?? [], request.processEnv ?? process.env)) accept(name, where, value);
  return values;
}

/**
 * `--set NAME=VALUE`, and `--set NAME` for the environment variable NAME's value (secrets kept off the command
 * line): [name, value, how to name it in a message without the value].
 */
export function setValues(
  set: readonly string[],
  processEnv: Readonly<Record<string, string | undefined>>,
): Array<[string, string, string]> {
  return set.map((assignment) => {
    const [name, value] = split(assignment, "NAME=VALUE");
    if (value !== undefined) return [name, value, `${name}=…`];
    const fromEnv = processEnv[name];
    if (fromEnv === undefined) {
      throw new ImsAuthError(
        "ERR_MISSING_VARIABLE",
        `${name} (no "=VALUE") takes its value from the environment variable ${name}, which is not set: export it first, or write ${name}=VALUE.`,
        name,
      );
    }
    return [name, fromEnv, name];
  });
}

/** "NAME=VALUE" → [NAME, VALUE]; "NAME" → [NAME, undefined]. Values are never quoted back: they may be secrets. */
function split(assignment: string, form: string): [string, string | undefined] {
  const at = assignment.indexOf("=");
  const name = at < 0 ? assignment : assignment.slice(0, at);
  if (!NAME.test(name)) {
    // Not quoted: a value given without its name may be a secret.
    const what = at < 0 ? 'an argument without "="' : 'the text before "="';
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `${what} is not a variable name: write ${form} (letters, digits and _, not starting with a digit).`,
    );
  }
  return [name, at < 0 ? undefined : assignment.slice(at + 1)];
}

function unknownName(name: string, where: string): ImsAuthError {
  const close = Object.keys(ENVIRONMENT_VARIABLES).find((known) => known.toLowerCase() === name.toLowerCase());
  const fix = close
    ? `did you mean ${close}? (names are case-sensitive)`
    : `the variables are ${Object.keys(ENVIRONMENT_VARIABLES).join(", ")}`;
  return new ImsAuthError("ERR_INVALID_OPTION", `${where}: ${name} is not a variable the collection reads: ${fix}.`, name);
}
