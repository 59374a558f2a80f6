// The one hand-written `pm` of the tests: Postman's variable scopes and resolution, tests, skipRequest, and
// pm.sendRequest answered from a table. Checked against the real sandboxes (4.7 and 6.7) by
// test/integration/harness-conformance.test.ts; the sandbox harness runs scripts around it.

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
  /** The request's headers as sent (a test script sees the Authorization of the request's auth there). */
  readonly headers?: Record<string, string>;
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
  /** Names of the variables whose values the script read, in any scope (the scripts' headers list them). */
  readonly read: string[];
}

/** A callback the script left for later (pm.sendRequest's), with its arguments. */
export interface Pending {
  readonly fn: (...args: unknown[]) => void;
  readonly args: unknown[];
}

export interface FakePm {
  readonly pm: Record<string, unknown>;
  /** What the script did, filled in as it runs. */
  readonly outcome: HarnessOutcome;
  /** pm.sendRequest callbacks not run yet: the harness runs them later, as the sandbox does. */
  readonly pending: Pending[];
  /** Set by skipRequest: the execution ends, pending callbacks are dropped. */
  readonly state: { terminated: boolean };
}

function fakeResponse(answer: ImsAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    code: answer.status ?? 200,
    headers: { get: (name: string) => headers[name.toLowerCase()] },
    text: () => answer.body ?? "",
  };
}

/** A fresh `pm` for one case. */
export function fakePm(testCase: HarnessCase): FakePm {
  const outcome: HarnessOutcome = { tests: [], sent: [], skipped: false, logs: [], uncaught: [], stored: {}, form: {}, read: [] };
  const pending: Pending[] = [];
  const state = { terminated: false };
  const variables = { ...testCase.variables };
  const environment: Record<string, unknown> = {};
  const collection: Record<string, unknown> = {};
  const lookup = (name: string) => {
    outcome.read.push(name);
    return name in environment ? environment[name] : name in variables ? variables[name] : collection[name];
  };
  const scope = (store: Record<string, unknown>, name?: string) => ({
    ...(name ? { name } : {}),
    get: (key: string) => {
      outcome.read.push(key);
      return store[key];
    },
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
      headers: { get: (name: string) => testCase.headers?.[name] },
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
        state.terminated = true;
        pending.length = 0;
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
      pending.push({ fn: callback as Pending["fn"], args: answer.error ? [answer.error] : [null, fakeResponse(answer)] });
    },
  };
  return { pm, outcome, pending, state };
}
