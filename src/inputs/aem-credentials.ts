// Reading AEM as a Cloud Service service credentials (the Developer Console JSON): checked fields, coded errors, nothing echoed.

import { readFileSync } from "node:fs";
import { quotable } from "../core/config/checks.js";
import { ImsAuthError } from "../core/errors.js";

/** The `integration` object of the service credentials; values as in the file. */
export interface AemIntegration {
  readonly imsEndpoint: string;
  /** Comma-separated, e.g. "ent_aem_cloud_sdk,ent_cloudmgr_sdk". */
  readonly metascopes: string;
  readonly technicalAccount: { readonly clientId: string; readonly clientSecret: string };
  /** Technical account ID, …@techacct.adobe.com. */
  readonly id: string;
  /** Organization ID, …@AdobeOrg. */
  readonly org: string;
  /** PKCS#1 PEM with CRLF line ends, kept byte for byte. */
  readonly privateKey: string;
  /** The certificate of the key pair; not needed to authenticate, kept for later checks. */
  readonly publicKey?: string;
  readonly email?: string;
}

const REFETCH = "get the file again from the AEM Developer Console → Integrations → Get Service Credentials";
const REQUIRED = [
  "imsEndpoint",
  "metascopes",
  "technicalAccount.clientId",
  "technicalAccount.clientSecret",
  "id",
  "org",
  "privateKey",
] as const;
const OPTIONAL = ["publicKey", "email"] as const;

function fileError(source: string, problem: string): ImsAuthError {
  return new ImsAuthError("ERR_CREDENTIALS_FILE", `${source} ${problem}: ${REFETCH}.`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** "a number", "null", "an array": how a wrong value is described, never the value itself (it may be a secret). */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Reads the JSON the Developer Console gives out, wrapped ({"ok":true,"integration":{…}}) or the bare
 * integration object. Nothing is written and nothing is echoed: messages name paths and types only.
 *
 * Every missing, empty or mistyped field is reported in one error (in the order of REQUIRED), so a
 * user who edited the file by hand sees all the damage at once instead of one field per attempt.
 */
export function readAemCredentials(text: string, source = "the credentials file"): AemIntegration {
  const json = parseJson(text, source);
  if (!isObject(json)) throw fileError(source, `is not AEM service credentials: it holds ${kind(json)}, not a JSON object`);
  if (json.ok === false) throw consoleError(json, source);

  let root: unknown;
  let prefix: string;
  if ("integration" in json) [root, prefix] = [json.integration, "integration."];
  else if ("imsEndpoint" in json || "technicalAccount" in json) [root, prefix] = [json, ""];
  else throw fileError(source, 'is not AEM service credentials: it has no "integration" key (nor "imsEndpoint" and "technicalAccount")');
  if (!isObject(root)) throw fileError(source, `is damaged (${prefix.slice(0, -1)} is ${kind(root)}, not an object)`);

  const problems = new Set<string>();
  const values = new Map<string, string>();
  for (const path of REQUIRED) {
    const found = lookUp(root, path, prefix);
    if (typeof found === "object") problems.add(found.problem);
    else values.set(path, found);
  }
  const ims = values.get("imsEndpoint");
  if (ims !== undefined && !/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(normalizeImsEndpoint(ims))) {
    problems.add(
      `${prefix}imsEndpoint is ${quotable(ims) ? `"${ims}"` : "a value that looks like a secret"}, not an IMS host name such as ims-na1.adobelogin.com`,
    );
  }
  if (problems.size > 0) throw fileError(source, `is incomplete or damaged (${[...problems].join("; ")})`);

  const get = (path: (typeof REQUIRED)[number]): string => values.get(path) ?? "";
  const integration: AemIntegration = {
    imsEndpoint: get("imsEndpoint"),
    metascopes: get("metascopes"),
    technicalAccount: { clientId: get("technicalAccount.clientId"), clientSecret: get("technicalAccount.clientSecret") },
    id: get("id"),
    org: get("org"),
    privateKey: get("privateKey"),
  };
  // Optional fields play no part in authenticating, so a damaged one is dropped rather than refused.
  const optional: { publicKey?: string; email?: string } = {};
  for (const path of OPTIONAL) {
    const found = lookUp(root, path, prefix);
    if (typeof found === "string") optional[path] = found;
  }
  return { ...integration, ...optional };
}

/** The non-empty string at a dotted path, or what is wrong with it (named by its full path in the file). */
function lookUp(root: Record<string, unknown>, path: string, prefix: string): string | { problem: string } {
  let value: unknown = root;
  const parts = path.split(".");
  for (const [index, part] of parts.entries()) {
    const here = prefix + parts.slice(0, index + 1).join(".");
    value = (value as Record<string, unknown>)[part];
    if (value === undefined) return { problem: `${here} is missing` };
    if (index < parts.length - 1 && !isObject(value)) return { problem: `${here} is ${kind(value)}, not an object` };
    if (index === parts.length - 1) {
      if (typeof value !== "string") return { problem: `${here} is ${kind(value)}, not a string` };
      if (value.trim() === "") return { problem: `${here} is empty` };
    }
  }
  return value as string;
}

function parseJson(text: string, source: string): unknown {
  // Editors on Windows may save with a BOM; JSON.parse refuses it though the file is fine.
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw fileError(source, "is empty, not JSON");
  try {
    return JSON.parse(body);
  } catch (error) {
    // Only the position is taken from the parser: newer Node versions quote the text, which may hold secrets.
    const message = error instanceof Error ? error.message : "";
    const position = /at position (\d+)/.exec(message)?.[1];
    let where = "";
    if (position !== undefined) {
      const before = body.slice(0, Number(position));
      const line = before.split("\n").length;
      where = ` (line ${line}, column ${before.length - before.lastIndexOf("\n")})`;
    } else if (/end of JSON input/i.test(message)) where = " (it ends too early: is it cut short?)";
    throw fileError(source, `is not JSON${where}`);
  }
}

/** {"ok":false,…}: the Developer Console's own error. Only its status code and a short error text are quoted. */
function consoleError(json: Record<string, unknown>, source: string): ImsAuthError {
  const details: string[] = [];
  if (typeof json.statusCode === "number") details.push(`statusCode ${json.statusCode}`);
  const error = isObject(json.error) ? json.error.message : json.error;
  if (typeof error === "string" && error.trim() !== "") details.push(`error ${JSON.stringify(error.trim().slice(0, 200))}`);
  const said = details.length > 0 ? ` (${details.join(", ")})` : "";
  return new ImsAuthError(
    "ERR_CREDENTIALS_FILE",
    `${source} holds an error the AEM Developer Console returned${said}, not service credentials: ` +
      `${REFETCH} (an IMS org administrator must have generated them, and you need the environment administrator role).`,
  );
}

/** IMS wants a bare host; the file's endpoint is used as such, but a pasted https:// or trailing slash is forgiven. */
export function normalizeImsEndpoint(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "");
}

/** Reads and checks a credentials file; an unreadable file is a coded error that names it. */
export function readAemCredentialsFile(credentialsFile: string): AemIntegration {
  let text: string;
  try {
    text = readFileSync(credentialsFile, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "an error";
    throw new ImsAuthError("ERR_CREDENTIALS_FILE", `${credentialsFile} cannot be read (${code}): check the path, or ${REFETCH}.`);
  }
  return readAemCredentials(text, credentialsFile);
}
