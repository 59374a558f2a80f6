// A faithful stand-in for Postman's sandbox around the compiled scripts: node:vm contexts, a fake `pm`
// with Postman's variable resolution, callbacks run later as the sandbox runs them, skipRequest ending the
// execution (pending callbacks dropped, as postman-sandbox's timers.terminate does), and a time bound on
// every piece of script that runs.

import { readFileSync } from "node:fs";
import { createContext, runInContext, Script, type Context } from "node:vm";
import { sandboxDir } from "../../src/generator/files/paths.js";

export interface ImsAnswer {
  /** A network error (no response), like { code: "ECONNREFUSED" }. */
  readonly error?: { code: string };
  readonly status?: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface HarnessCase {
  /** Variables as pm.variables resolves them (any type a Postman variable can hold). */
  readonly variables: Record<string, unknown>;
  /** Path of the request the script runs for: /ims/… for the Authenticate requests. */
  readonly path?: string;
  /** The response a test script sees. */
  readonly response?: ImsAnswer;
  /** What IMS answers to the n-th pm.sendRequest (0-based). */
  readonly ims?: (attempt: number) => ImsAnswer;
}

export interface HarnessOutcome {
  readonly tests: Array<{ name: string; error?: string }>;
  readonly sent: Array<{ url: string; form: Record<string, string> }>;
  readonly skipped: boolean;
  readonly logs: unknown[][];
  /** Errors that escaped the script: what the sandbox would print as a script error. */
  readonly uncaught: string[];
  /** What the script stored with pm.environment.set / pm.collectionVariables.set. */
  readonly stored: Record<string, unknown>;
  /** Form fields the pre-request script wrote into the request body. */
  readonly form: Record<string, string>;
}

/** Longest a piece of script may run synchronously: far above any real run, it only catches hangs. */
export const RUN_TIMEOUT_MS = 20_000;
/** More callbacks than this for one request would be a retry loop. */
const MAX_CALLBACKS = 40;

function fakeResponse(answer: ImsAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    code: answer.status ?? 200,
    headers: { get: (name: string) => headers[name.toLowerCase()] },
    text: () => answer.body ?? "",
  };
}

/** Runs one case; `start` runs the script (or calls the engine) inside `context` and is bounded like the callbacks. */
function runCase(context: Context, start: string | Script, testCase: HarnessCase): HarnessOutcome {
  const outcome: HarnessOutcome = { tests: [], sent: [], skipped: false, logs: [], uncaught: [], stored: {}, form: {} };
  const queue: Array<() => void> = [];
  let terminated = false;
  const variables = { ...testCase.variables };
  const environment: Record<string, unknown> = {};
  const collection: Record<string, unknown> = {};
  const lookup = (name: string) => (name in environment ? environment[name] : name in variables ? variables[name] : collection[name]);
  const scope = (store: Record<string, unknown>, name?: string) => ({
    ...(name ? { name } : {}),
    get: (key: string) => store[key],
    set: (key: string, value: unknown) => {
      store[key] = value;
      outcome.stored[key] = value;
    },
    has: (key: string) => key in store,
    unset: (key: string) => delete store[key],
  });
  let attempts = 0;
  const pm = {
    variables: {
      get: lookup,
      set: (key: string, value: unknown) => (variables[key] = value),
      has: (key: string) => lookup(key) !== undefined,
      unset: (key: string) => delete variables[key],
      // Postman resolves {{name}} from the same scopes; unknown names stay as they are.
      replaceIn: (template: string) =>
        String(template).replace(/\{\{([^{}]+)\}\}/g, (whole, key: string) => {
          const value = lookup(key);
          return value === undefined ? whole : String(value);
        }),
    },
    environment: scope(environment, "harness"),
    collectionVariables: scope(collection),
    request: {
      url: { getPath: () => testCase.path ?? "/data/x" },
      body: {
        urlencoded: {
          upsert: (item: { key: string; value: string }) => (outcome.form[item.key] = item.value),
          get: (key: string) => outcome.form[key],
        },
      },
    },
    response: testCase.response ? fakeResponse(testCase.response) : undefined,
    execution: {
      skipRequest: () => {
        (outcome as { skipped: boolean }).skipped = true;
        terminated = true;
        queue.length = 0;
      },
    },
    test(name: string, fn: () => void) {
      try {
        fn();
        outcome.tests.push({ name });
      } catch (error) {
        outcome.tests.push({ name, error: (error as Error).message });
      }
    },
    sendRequest(
      request: { url: string; body?: { urlencoded?: Array<{ key: string; value: string }> } },
      callback: (error: unknown, response?: unknown) => void,
    ) {
      const form = Object.fromEntries((request.body?.urlencoded ?? []).map(({ key, value }) => [key, value]));
      outcome.sent.push({ url: request.url, form });
      const answer = testCase.ims?.(attempts++) ?? { error: { code: "ECONNREFUSED" } };
      queue.push(() => call(callback, answer.error ? [answer.error] : [null, fakeResponse(answer)]));
    },
  };
  const call = (fn: (...args: unknown[]) => void, args: unknown[]) => {
    context.__fn = fn;
    context.__args = args;
    bounded("__fn.apply(null, __args)");
  };
  const bounded = (code: string | Script) => {
    try {
      if (typeof code === "string") runInContext(code, context, { timeout: RUN_TIMEOUT_MS });
      else code.runInContext(context, { timeout: RUN_TIMEOUT_MS });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (/Script execution timed out/.test(text)) throw new Error(`the script ran longer than ${RUN_TIMEOUT_MS} ms`);
      outcome.uncaught.push(text);
    }
  };
  context.pm = pm;
  context.console = {
    log: (...args: unknown[]) => outcome.logs.push(args),
    info: (...args: unknown[]) => outcome.logs.push(args),
    warn: (...args: unknown[]) => outcome.logs.push(args),
    error: (...args: unknown[]) => outcome.logs.push(args),
  };
  context.setTimeout = (fn: () => void) => queue.push(() => call(fn, []));
  bounded(start);
  for (let count = 0; queue.length > 0 && !terminated; count++) {
    if (count > MAX_CALLBACKS) throw new Error(`more than ${MAX_CALLBACKS} callbacks: a retry loop`);
    queue.shift()!();
  }
  return outcome;
}

/** The engine (dist/sandbox/engine.js) evaluated once in a context of its own, then called per case, as the scripts call it. */
export class EngineHarness {
  private readonly context: Context;

  constructor() {
    this.context = createContext({});
    runInContext(readFileSync(`${sandboxDir()}/engine.js`, "utf8"), this.context, { timeout: RUN_TIMEOUT_MS });
  }

  jwtExchange(testCase: HarnessCase): HarnessOutcome {
    return runCase(this.context, "__imsAuthEngine.jwtExchange(pm, { setTimeout: setTimeout, clearTimeout: function () {} })", {
      path: "/ims/exchange/jwt",
      ...testCase,
    });
  }

  autoAuth(testCase: HarnessCase): HarnessOutcome {
    return runCase(this.context, "__imsAuthEngine.autoAuth(pm, { setTimeout: setTimeout, clearTimeout: function () {} })", testCase);
  }
}

/** A compiled script (dist/sandbox/NAME.js), run whole in a fresh context per case. */
export class ScriptHarness {
  private readonly script: Script;

  constructor(name: string) {
    this.script = new Script(readFileSync(`${sandboxDir()}/${name}.js`, "utf8"));
  }

  run(testCase: HarnessCase): HarnessOutcome {
    return runCase(createContext({}), this.script, testCase);
  }
}
