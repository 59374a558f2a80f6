// The compiled scripts leave nothing behind in the sandbox's global scope and touch no Node API.

import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { scriptSource } from "../../src/generator/scripts.js";

function fakePm(variables: Record<string, string>) {
  const tests: Array<{ name: string; error?: string }> = [];
  let skipped = false;
  const scope = (store: Record<string, string>) => ({
    get: (name: string) => store[name],
    set: (name: string, value: string) => {
      store[name] = value;
    },
    has: (name: string) => name in store,
    unset: (name: string) => delete store[name],
  });
  const pm = {
    variables: scope(variables),
    environment: { ...scope(variables), name: "test" },
    collectionVariables: scope({}),
    request: { url: { getPath: () => "/ims/exchange/jwt", toString: () => "" }, body: { mode: "urlencoded", urlencoded: { upsert() {} } } },
    response: { code: 200, text: () => JSON.stringify({ access_token: "a.b.c", expires_in: 1000, token_type: "bearer" }) },
    execution: {
      skipRequest() {
        skipped = true;
      },
    },
    test(name: string, fn: () => void) {
      try {
        fn();
        tests.push({ name });
      } catch (error) {
        tests.push({ name, error: (error as Error).message });
      }
    },
  };
  return { pm, tests, skipped: () => skipped };
}

describe("compiled scripts in a bare context", () => {
  it.each(["jwt-exchange", "token-response"] as const)("%s defines no globals", (name) => {
    const { pm, tests } = fakePm({});
    const context: Record<string, unknown> = { pm, Date, JSON, Math };
    const before = Object.keys(context).sort();
    runInNewContext(scriptSource(name), context);
    expect(Object.keys(context).sort()).toEqual(before);
    expect(tests.length).toBeGreaterThan(0);
  });

  it("the JWT script reports every missing variable and skips the request", () => {
    const { pm, tests, skipped } = fakePm({});
    runInNewContext(scriptSource("jwt-exchange"), { pm, Date, JSON, Math });
    expect(skipped()).toBe(true);
    expect(tests.map((test) => test.name)).toEqual(
      ["IMS", "IMS_ORG", "TECHNICAL_ACCOUNT_ID", "API_KEY", "CLIENT_SECRET", "META_SCOPE", "PRIVATE_KEY"].map((name) => `${name} is set correctly`),
    );
    expect(tests.every((test) => test.error?.startsWith("ERR_MISSING_VARIABLE: "))).toBe(true);
  });
});
