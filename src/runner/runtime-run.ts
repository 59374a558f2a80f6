// Runs a collection with postman-runtime 7.56 (the Postman app's runtime, sandbox 6.7) directly, shaped like a Newman run.

import { readFile } from "node:fs";
import { createRequire } from "node:module";
import { secretResolver, vaultScope, withSecureVariables } from "./runtime-secrets.js";
import { exceptionEntry, type ConsoleEntry, type RunAssertion, type RunFailure, type RunOptions, type RunResult } from "./run-result.js";

/** The parts of an SDK item and of postman-runtime's run we read. */
interface Named {
  readonly name?: string;
}
interface Cursor {
  readonly ref?: string;
}
interface ScriptError {
  readonly name?: string;
  readonly message?: string;
  readonly stacktrace?: Array<{ lineNumber?: number; columnNumber?: number }>;
}
interface RuntimeAssertion {
  readonly name: string;
  readonly passed: boolean;
  readonly error?: ScriptError | null;
}
type Callback = (...args: never[]) => void;
interface Run {
  start(callbacks: Record<string, Callback>): void;
}
interface PostmanRuntime {
  Runner: new () => { run(collection: unknown, options: object, callback: (error: Error | null, run: Run) => void): void };
}
interface VariableScope {
  get(key: string): unknown;
  toObject(): Record<string, unknown>;
  set(key: string, value: unknown): void;
  values: { each(fn: (variable: { key: string; value: unknown }) => void): void };
}
interface Sdk {
  Collection: new (definition: unknown) => unknown;
  VariableScope: new (definition: unknown) => VariableScope;
}

const require = createRequire(import.meta.url);
const runtime = require("postman-runtime") as PostmanRuntime;
// The runtime checks scopes with its own postman-collection (isVariableScope) and mutates the environment
// in place only when it recognises it: build the inputs with the copy it resolves, not ours.
const sdk = createRequire(require.resolve("postman-runtime"))("postman-collection") as Sdk;

/** Events whose first argument is an error Newman counts as a failure (lib/run/summary.js), the assertion aside. */
const FAILING_EVENTS = ["beforeIteration", "iteration", "beforeItem", "item", "beforePrerequest", "prerequest", "beforeTest", "test"];

export function runWithPostmanRuntime(options: RunOptions): Promise<RunResult> {
  const collection = new sdk.Collection(options.collection);
  const environment = new sdk.VariableScope(
    options.secureVariables ? withSecureVariables(options.environment, options.secureVariables) : (options.environment ?? {}),
  );
  for (const variable of options.envVar ?? []) environment.set(variable.key, variable.value);

  const failures: RunFailure[] = [];
  const assertions: RunAssertion[] = [];
  const printed: ConsoleEntry[] = [];
  const requests = { total: 0, failed: 0 };
  // postman-runtime copies the collection's variables into a scope of the run and never writes them back; each
  // script's result carries that scope, as the app reads it to keep the values for the next Send.
  let collectionVariables: VariableScope | undefined;
  const itemNames = new Map<string, string>();
  const itemName = (cursor: Cursor | undefined, item?: Named): string =>
    item?.name ?? (cursor?.ref ? itemNames.get(cursor.ref) : undefined) ?? "";
  const fail = (test: string, error: ScriptError, item: string): void => {
    failures.push({ test, name: error.name ?? "Error", message: error.message ?? "", item });
  };

  const runOptions = {
    environment,
    globals: new sdk.VariableScope({}),
    vaultSecrets: options.vault ? vaultScope(sdk.VariableScope, options.vault) : undefined,
    secretResolver: options.secureVariables ? secretResolver(options.secureVariables) : undefined,
    iterationCount: options.iterationCount,
    entrypoint: options.folder ? { execute: options.folder, lookupStrategy: "idOrName" } : undefined,
    timeout: { request: 30_000 },
    delay: options.delayRequest ? { item: options.delayRequest } : undefined,
    // Without a fileResolver, requester.extendedRootCA is silently ignored (and so is a read error).
    fileResolver: { readFile },
    requester: {
      useWhatWGUrlParser: true,
      extendedRootCA: options.caFile,
      timings: Boolean(options.verbose),
      verbose: Boolean(options.verbose),
    },
  };

  return new Promise((resolve, reject) => {
    new runtime.Runner().run(collection, runOptions, (error, run) => {
      if (error) {
        reject(error);
        return;
      }
      const callbacks: Record<string, Callback> = {};
      for (const event of FAILING_EVENTS) {
        callbacks[event] = ((err: ScriptError | null, cursor: Cursor) => {
          if (err) fail(event, err, itemName(cursor));
        }) as Callback;
      }
      Object.assign(callbacks, {
        beforeItem(err: ScriptError | null, cursor: Cursor, item: Named) {
          if (cursor.ref && item.name) itemNames.set(cursor.ref, item.name);
          if (err) fail("beforeItem", err, itemName(cursor, item));
        },
        // Each pm.test, in pre-request and test scripts alike; Newman's assertion failure has the same fields.
        assertion(cursor: Cursor, list: RuntimeAssertion[]) {
          for (const assertion of list) {
            const item = itemName(cursor);
            assertions.push({ item, test: assertion.name, passed: assertion.passed });
            if (!assertion.passed) {
              fail(
                assertion.name,
                { name: assertion.error?.name ?? "AssertionError", message: assertion.error?.message ?? assertion.name },
                item,
              );
            }
          }
        },
        // An uncaught error of a script arrives here, named as Newman names it ("prerequest-script:line:column").
        script(
          err: ScriptError | null,
          cursor: Cursor,
          result: { collectionVariables?: VariableScope } | undefined,
          _script: unknown,
          event: { listen: string },
          item: Named,
        ) {
          if (result?.collectionVariables) collectionVariables = result.collectionVariables;
          if (err) fail(scriptSource(event.listen, err), err, itemName(cursor, item));
        },
        request(err: ScriptError | null, cursor: Cursor, _response: unknown, _request: unknown, item: Named) {
          requests.total += 1;
          if (err) {
            requests.failed += 1;
            fail("request", err, itemName(cursor, item));
          }
        },
        // Scripts' console calls and the sandbox's own warnings ('Using "CryptoJS" is deprecated…') alike.
        console(_cursor: Cursor, level: string, ...messages: unknown[]) {
          printed.push({ level, messages });
        },
        // Postman's console shows a script's uncaught error in red; keep it with what was printed.
        exception(_cursor: Cursor, err: ScriptError) {
          printed.push(exceptionEntry(err));
        },
        done(err: Error | null) {
          if (err) {
            reject(err);
            return;
          }
          const values: Record<string, string> = {};
          environment.values.each((variable) => {
            values[variable.key] = String(variable.value ?? "");
          });
          const failed = assertions.filter((assertion) => !assertion.passed).length;
          resolve({
            stats: { requests, assertions: { total: assertions.length, failed } },
            failures,
            assertions,
            environment: values,
            collectionVariables: collectionVariables ? stringValues(collectionVariables.toObject()) : undefined,
            console: printed,
          });
        },
      });
      run.start(callbacks);
    });
  });
}

function stringValues(object: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, String(value ?? "")]));
}

function scriptSource(listen: string, error: ScriptError): string {
  // Newman subtracts the two lines the sandbox wraps around a script.
  const frame = error.stacktrace?.[0];
  if (!frame?.lineNumber) return `${listen}-script`;
  return `${listen}-script:${frame.lineNumber - 2}${frame.columnNumber ? `:${frame.columnNumber}` : ""}`;
}
