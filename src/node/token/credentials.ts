// What the Node host accepts as credentials — variables, a Postman environment, AEM service credentials — as variables.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ImsAuthError } from "../../core/errors.js";
import type { VariableSource } from "../../core/config/variables.js";
import { aemEnvironment } from "../../generator/environment/aem-environment.js";
import { readAemCredentials } from "../../inputs/aem-credentials.js";
import { readPostmanEnvironment } from "../../inputs/console-environment.js";
import { parseDotenv } from "../../inputs/dotenv.js";

/** A Postman environment export, parsed: `{ name, values: [{ key, value, enabled }] }`. */
export interface PostmanEnvironmentInput {
  readonly values: ReadonlyArray<unknown>;
  readonly name?: string;
}

/**
 * The collection's variables (an object or a Map: `{ IMS, API_KEY, … }`), a parsed Postman
 * environment file, or parsed AEM service credentials (`{ ok, integration: { … } }` or the bare integration).
 */
export type CredentialsInput = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown> | PostmanEnvironmentInput;

export type CredentialsKind = "variables" | "environment" | "aem" | "dotenv";

export interface Credentials {
  readonly kind: CredentialsKind;
  readonly variables: ReadonlyMap<string, unknown>;
  /** The certificate of the key pair, when the input has one: AEM's integration.publicKey, or a CERTIFICATE variable. */
  readonly certificate?: { readonly pem: string; readonly where: string } | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** AEM's Developer Console JSON, wrapped or bare. */
export function isAemCredentials(value: Record<string, unknown>): boolean {
  return "integration" in value || (isObject(value.technicalAccount) && "imsEndpoint" in value) || value.ok === false;
}

/** The credentials with IMS replaced (`--ims HOST`: a staging IMS, a gateway, an emulator); the checks judge the host as for IMS. */
export function withIms(credentials: Credentials, ims: string | undefined): Credentials {
  if (ims === undefined) return credentials;
  return { ...credentials, variables: new Map([...credentials.variables, ["IMS", ims]]) };
}

/** The credentials as the checks read them; a missing value is to be filled in in the file it came from. */
export function variableSource(credentials: Credentials): VariableSource {
  return Object.assign((name: string) => credentials.variables.get(name), { whereToSet: inTheFile });
}

/** This host reads files: no environment, no --env-var. */
const inTheFile = (): string => "Fill it in in the file.";

function withCertificate(kind: CredentialsKind, variables: ReadonlyMap<string, unknown>): Credentials {
  const pem = variables.get("CERTIFICATE");
  return { kind, variables, certificate: typeof pem === "string" && pem.trim() !== "" ? { pem, where: "CERTIFICATE" } : undefined };
}

function fromAem(text: string, source: string): Credentials {
  const integration = readAemCredentials(text, source);
  const variables = new Map(aemEnvironment(integration).values.map((entry) => [entry.key, entry.value] as const));
  const certificate = integration.publicKey ? { pem: integration.publicKey, where: "integration.publicKey" } : undefined;
  return { kind: "aem", variables, certificate };
}

/** Reads one of the accepted inputs; `source` names it in messages. Throws the coded errors of the readers. */
export function readCredentials(input: CredentialsInput, source = "the credentials"): Credentials {
  if (input instanceof Map) return withCertificate("variables", input);
  if (!isObject(input)) {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${source} must be an object of variables, a parsed Postman environment or AEM service credentials.`,
    );
  }
  // The readers take text: they are the ones that check files, and they check these objects the same way.
  if (Array.isArray(input.values)) return withCertificate("environment", readPostmanEnvironment(JSON.stringify(input), source).values);
  if (isAemCredentials(input)) return fromAem(JSON.stringify(input), source);
  return withCertificate("variables", new Map(Object.entries(input)));
}

/**
 * A `.env` file, or a JSON file (Postman environment or AEM service credentials) told apart by
 * content; `expect: "aem"` reads it as AEM service credentials whatever it holds (and says what is missing).
 */
export function readCredentialsFile(file: string, expect?: "aem"): Credentials {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "an error";
    throw new ImsAuthError("ERR_INPUT_FILE", `${file} cannot be read (${code}): check the path.`);
  }
  if (expect === "aem") return fromAem(text, file);
  if (/\.env$/i.test(basename(file))) return withCertificate("dotenv", parseDotenv(text, file));
  const parsed = parseJsonQuietly(text);
  if (isObject(parsed) && !Array.isArray(parsed.values) && isAemCredentials(parsed)) return fromAem(text, file);
  return withCertificate("environment", readPostmanEnvironment(text, file).values);
}

/** Only to tell the kind apart: the reader chosen reports what is wrong with the text. */
function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}
