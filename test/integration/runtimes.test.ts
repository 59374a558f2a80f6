// The generated collection in both runtimes: Newman 6.2 (runtime 7.39, sandbox 4.7) and the Postman app's (runtime 7.56, sandbox 6.7).

import { describe, expect, it } from "vitest";
import { JWT_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { consoleProblems, type RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { folderRunner, useEmulator, type Runner } from "../helpers/emulator.js";

const runners: Array<[string, Runner]> = [
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
];

const shared = useEmulator({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"] });
const runJwt = folderRunner(shared, JWT_REQUEST_NAME);

/**
 * The three cases both describe blocks look at, each run once per runner: the second block compares the runs the
 * first one checked. Its IMS calls are counted for that run alone (the emulator is reset just before it).
 */
const CASES = {
  success: {},
  "a missing variable": { IMS_ORG: "" },
  "IMS refuses": { CLIENT_SECRET: "p8e-WRONG-SECRET" },
} as const satisfies Record<string, Partial<Record<string, string>>>;
type CaseName = keyof typeof CASES;
const runs = new Map<string, Promise<{ result: RunResult; jwtExchanges: number }>>();
function runCase(name: CaseName, runner: Runner): Promise<{ result: RunResult; jwtExchanges: number }> {
  const key = `${name}/${runner === runCollection ? "newman" : "postman-runtime"}`;
  let run = runs.get(key);
  if (run === undefined) {
    shared.ctx.emulator.reset();
    run = runJwt(CASES[name], {}, runner).then((result) => ({ result, jwtExchanges: shared.ctx.emulator.calls.jwtExchange }));
    runs.set(key, run);
  }
  return run;
}

/** Our scripts must print nothing the user would read as a problem: no warning, no error, no deprecation. */
function expectQuietConsole(result: RunResult): void {
  expect(consoleProblems(result.console)).toEqual([]);
}

describe.each(runners)("%s", (_name, runner) => {
  it("success: no failure, both tests pass, ACCESS_TOKEN stored, one IMS call", async () => {
    const { result, jwtExchanges } = await runCase("success", runner);
    expect(result.failures).toEqual([]);
    expect(result.assertions).toEqual([
      { item: JWT_REQUEST_NAME, test: "IMS issued an access token", passed: true },
      { item: JWT_REQUEST_NAME, test: "ACCESS_TOKEN is stored for the next requests", passed: true },
    ]);
    expect(result.environment.ACCESS_TOKEN?.split(".")).toHaveLength(3);
    expect(jwtExchanges).toBe(1);
    expect(result.stats).toEqual({ requests: { total: 1, failed: 0 }, assertions: { total: 2, failed: 0 } });
    expectQuietConsole(result);
  });

  it("a missing variable: a named failure and no IMS call", async () => {
    const { result, jwtExchanges } = await runCase("a missing variable", runner);
    expect(jwtExchanges).toBe(0);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "IMS_ORG is set correctly", name: "ImsAuthError", item: JWT_REQUEST_NAME });
    expect(result.failures[0]?.message).toMatch(/^ERR_MISSING_VARIABLE: IMS_ORG is not set\. Set it in your environment/);
    expect(result.assertions).toEqual([{ item: JWT_REQUEST_NAME, test: "IMS_ORG is set correctly", passed: false }]);
    expect(result.stats.requests.total).toBe(0);
    expectQuietConsole(result);
  });

  it("IMS refuses: the failure carries IMS's reason and no token is stored", async () => {
    const { result, jwtExchanges } = await runCase("IMS refuses", runner);
    expect(jwtExchanges).toBe(1);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ test: "IMS issued an access token", name: "ImsAuthError" });
    expect(result.failures[0]?.message).toMatch(/^ERR_IMS_REJECTED: IMS refused the token request \(HTTP 401 invalid_client/);
    expect(result.environment.ACCESS_TOKEN).toBe("");
    expectQuietConsole(result);
  });

  it("trusts the emulator's certificate only through caFile", async () => {
    // postman-runtime ignores requester.extendedRootCA without a fileResolver, silently: this guards the option.
    const result = await runJwt({}, { caFile: undefined }, runner);
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(0);
    expect(result.failures[0]).toMatchObject({ test: "request", message: expect.stringMatching(/self[- ]signed certificate/) });
  });

  it("captures what the sandbox prints, its own deprecation warnings included (so a quiet console means something)", async () => {
    const result = await runner({ collection: canaryCollection(), environment: { values: [] } });
    expect(result.console[0]).toEqual({ level: "log", messages: ["canary", { n: 1 }] });
    expect(consoleProblems(result.console)).toContainEqual({
      level: "warn",
      messages: [expect.stringMatching(/^Using "CryptoJS" is deprecated\./)],
    });
  });
});

describe("Newman and postman-runtime agree", () => {
  it.each(Object.keys(CASES) as CaseName[])("%s: the same assertions, failures and counters", async (name) => {
    const newman = (await runCase(name, runCollection)).result;
    const runtime = (await runCase(name, runWithPostmanRuntime)).result;
    expect(runtime.assertions).toEqual(newman.assertions);
    expect(runtime.failures).toEqual(newman.failures);
    expect(runtime.stats).toEqual(newman.stats);
    // The token differs from run to run; which variables exist does not.
    expect(Object.keys(runtime.environment).sort()).toEqual(Object.keys(newman.environment).sort());
  });
});

/** A request that never leaves: its script logs, touches a deprecated sandbox global, then skips the request. */
function canaryCollection(): Record<string, unknown> {
  const exec = ["console.log('canary', { n: 1 });", "CryptoJS.SHA256('x').toString();", "pm.execution.skipRequest();"];
  return {
    info: { name: "canary", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      {
        name: "canary",
        request: { url: "https://127.0.0.1:9/", method: "GET" },
        event: [{ listen: "prerequest", script: { type: "text/javascript", exec } }],
      },
    ],
  };
}
