// The slice of Postman's sandbox API (`pm`) our scripts use, and small helpers around it.

import { isImsAuthError } from "../../core/errors.js";
import type { VariableSource } from "../../core/config/variables.js";

interface VariableScope {
  get(name: string): unknown;
  /** Resolves {{…}} references as requests do (pm.variables only). */
  replaceIn?(template: string): string;
  set(name: string, value: unknown): void;
  has(name: string): boolean;
  unset(name: string): void;
  readonly name?: string;
  /** Its variables with their flags: postman-runtime keeps a secure variable's `secret` and `source` there. */
  toJSON?(): unknown;
}

interface PropertyList<T> {
  upsert(item: T): void;
  /** The value of the member with this key (urlencoded bodies). */
  get?(key: string): unknown;
}

export interface SendRequestResponse {
  readonly code: number;
  readonly headers: { get(name: string): string | undefined };
  text(): string;
}

export interface SendRequestOptions {
  url: string;
  method: string;
  header: Array<{ key: string; value: string }>;
  body: { mode: "urlencoded"; urlencoded: Array<{ key: string; value: string }> };
}

export interface Postman {
  readonly variables: VariableScope;
  readonly environment: VariableScope;
  readonly collectionVariables: VariableScope;
  readonly globals?: VariableScope;
  /** Postman Vault: the app's runtime and the Postman CLI have it (the CLI refuses every read); Newman has none. */
  readonly vault?: { get(key: string): Promise<unknown> };
  readonly request: {
    readonly url: { getPath(): string };
    /** In a test script, the headers as sent, the Authorization of the request's auth included. */
    readonly headers?: { get(name: string): string | undefined };
    readonly body?: { readonly urlencoded?: PropertyList<{ key: string; value: string }> };
  };
  /** Absent when the request got no answer. */
  readonly response: SendRequestResponse | undefined;
  readonly execution: { skipRequest(): void };
  /** The running request's name (both sandboxes have it). */
  readonly info?: { readonly requestName?: string };
  /** True where pm.variables outlive a run (Bruno's app keeps runtime variables between Sends); Postman drops them after each run. */
  readonly localVariablesOutliveRun?: boolean;
  test(name: string, fn: () => void): void;
  sendRequest(request: SendRequestOptions, callback: (error: { code?: string } | null, response?: SendRequestResponse) => void): void;
}

/**
 * The same, with references to other variables inside a value ("{{ORG}}@AdobeOrg") resolved as Postman
 * resolves them in a request; what stays unresolved is reported as not filled in.
 */
export function resolvedSource(pm: Postman): VariableSource {
  const read = (name: string) => {
    const value = pm.variables.get(name);
    return typeof value === "string" && value.includes("{{") && pm.variables.replaceIn ? pm.variables.replaceIn(value) : value;
  };
  return Object.assign(read, { whereToSet: inARun });
}

/** Where a run's user sets a variable: the environment in the app, --env-var on a runner's command line. */
const inARun = (name: string): string => `Set it in your environment (or with --env-var ${name}=…).`;

/**
 * IMS's token endpoints (the Authenticate requests, which carry their own scripts, and a sign-in's authorize
 * page): the only requests the collection-level scripts leave alone. IMS's other APIs (/ims/profile/v1,
 * /ims/userinfo/v2, /ims/organizations…) take the token like any API.
 */
export function isTokenEndpoint(pm: Postman): boolean {
  return isTokenPath(pm.request.url.getPath());
}

export function isTokenPath(path: string): boolean {
  return /^\/ims\/(exchange|token|authorize|revoke)(\/|$)/.test(path);
}

/**
 * Stores a value where pm.variables will find it: in the environment when one is in use (or
 * already holds the name, so that an empty template value does not shadow the new one), else in
 * the collection's variables.
 */
export function storeVariable(pm: Postman, name: string, value: string): void {
  if (pm.environment.has(name) || pm.environment.name) pm.environment.set(name, value);
  else pm.collectionVariables.set(name, value);
}

/** Reports a problem as a failed test (the run goes red) with our message; no stack trace. */
export function failTest(pm: Postman, name: string, error: unknown): void {
  // Anything but our own errors may quote key material (jsrsasign throws strings): never show it.
  // The type of anything else is safe to show and makes a bug report useful.
  const kind = error instanceof Error ? error.name : typeof error;
  const message = isImsAuthError(error)
    ? `${error.code}: ${error.message}`
    : `unexpected error in the authentication script (${kind}); please report it`;
  pm.test(name, () => {
    const failure = new Error(message);
    failure.name = "ImsAuthError";
    // The stack would point into minified code; the message is what the student needs.
    failure.stack = `${failure.name}: ${message}`;
    throw failure;
  });
}

/** Fails one test per problem, named after the variable to fix, and does not send the request. */
export function refuse(pm: Postman, problems: readonly unknown[], fallbackName: string): void {
  for (const problem of problems) {
    const variable = isImsAuthError(problem) && problem.variable ? `${problem.variable} is set correctly` : fallbackName;
    failTest(pm, variable, problem);
  }
  pm.execution.skipRequest();
}

/**
 * Skips the request with one console line when `note` says why it is not for these variables (the
 * other flow's Authenticate request, a sample folder switched off): no failed test, nothing sent.
 * A coded problem found on the way (an AUTH_FLOW that names no flow) fails as usual.
 */
export function skipWithNote(pm: Postman, note: () => string | undefined, fallbackName: string): boolean {
  let text: string | undefined;
  try {
    text = note();
  } catch (error) {
    refuse(pm, [error], fallbackName);
    return true;
  }
  if (text === undefined) return false;
  console.info(text);
  pm.execution.skipRequest();
  return true;
}
