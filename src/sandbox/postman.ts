// The slice of Postman's sandbox API (`pm`) our scripts use, and small helpers around it.

import { ImsAuthError } from "../core/errors.js";
import type { VariableSource } from "../core/variables.js";

interface VariableScope {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  has(name: string): boolean;
  unset(name: string): void;
  readonly name?: string;
}

interface PropertyList<T> {
  upsert(item: T): void;
  add(item: T): void;
  remove(predicate: string | ((item: T) => boolean), context?: unknown): void;
}

export interface Postman {
  readonly variables: VariableScope;
  readonly environment: VariableScope;
  readonly collectionVariables: VariableScope;
  readonly request: {
    readonly url: { getPath(): string; toString(): string };
    readonly body?: { readonly mode?: string; readonly urlencoded?: PropertyList<{ key: string; value: string }> };
  };
  readonly response: { readonly code: number; text(): string };
  readonly execution: { skipRequest(): void };
  test(name: string, fn: () => void): void;
}

/** Variables as pm.variables resolves them: local, data, environment, collection, global. */
export function variableSource(pm: Postman): VariableSource {
  return (name) => pm.variables.get(name);
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
  const message =
    error instanceof ImsAuthError ? `${error.code}: ${error.message}` : "unexpected error in the authentication script";
  pm.test(name, () => {
    const failure = new Error(message);
    failure.name = "ImsAuthError";
    // The stack would point into minified code; the message is what the student needs.
    failure.stack = `${failure.name}: ${message}`;
    throw failure;
  });
}
