// A faithful stand-in for Postman's sandbox around the compiled scripts: node:vm contexts, the fake `pm`
// of fake-pm.ts, callbacks run later as the sandbox runs them, skipRequest ending the
// execution (pending callbacks dropped, as postman-sandbox's timers.terminate does), and a time bound on
// every piece of script that runs.

import { readFileSync } from "node:fs";
import { createContext, runInContext, Script, type Context } from "node:vm";
import { sandboxDir } from "../../src/files/paths.js";
import { fakePm, type HarnessCase, type HarnessOutcome } from "./fake-pm.js";

export type { HarnessCase, HarnessOutcome, ImsAnswer } from "./fake-pm.js";

/** Longest a piece of script may run synchronously: far above any real run, it only catches hangs. */
export const RUN_TIMEOUT_MS = 20_000;
/** More callbacks than this for one request would be a retry loop. */
const MAX_CALLBACKS = 40;

/** Runs one case; `start` runs the script (or calls the engine) inside `context` and is bounded like the callbacks. */
function runCase(context: Context, start: string | Script, testCase: HarnessCase): HarnessOutcome {
  const { pm, outcome, pending, state } = fakePm(testCase);
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
  // Timers join pm.sendRequest's callbacks in one queue, in the order they were registered.
  context.setTimeout = (fn: () => void) => pending.push({ fn, args: [] });
  bounded(start);
  for (let count = 0; pending.length > 0 && !state.terminated; count++) {
    if (count > MAX_CALLBACKS) throw new Error(`more than ${MAX_CALLBACKS} callbacks: a retry loop`);
    const { fn, args } = pending.shift()!;
    call(fn, args);
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
