// No environment selected (Postman's "No environment"; newman run without -e): every variable is a collection
// variable, and the token is stored there, read back by the next requests, never asked for twice.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { runCollection } from "../../src/runner/newman-run.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";
import { apiCollection } from "../helpers/collections.js";
import { startEmulator, type EmulatorContext, type Runner } from "../helpers/emulator.js";

let ctx: EmulatorContext;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID", "read_organizations"] });
});
afterAll(async () => ctx.close());
beforeEach(() => ctx.emulator.reset());

type Item = { name: string; event?: unknown[] };

/** Where the last request finds the token: its test script logs the scope that holds it, and the token. */
const WHERE = [
  "var inEnvironment = pm.environment.has('ACCESS_TOKEN');",
  "console.log('token scope', inEnvironment ? 'environment' : 'collection', pm.collectionVariables.get('ACCESS_TOKEN'), pm.collectionVariables.get('ACCESS_TOKEN_EXPIRES_AT'));",
];

/** The API collection with the emulator's variables as collection variables, and a last request that reports the token's scope. */
function collectionOnly(flow: Record<string, string>): Record<string, unknown> {
  const collection = apiCollection(4) as { variable?: Array<{ key: string; value: unknown }>; item: Array<Item & { item?: Item[] }> };
  const values = emulatorEnvironment(ctx.emulator, ctx.credential, flow).values;
  collection.variable = values.map(({ key, value }) => ({ key, value }));
  const requests = collection.item.find((item) => item.name === "Platform")!.item!;
  const last = requests[requests.length - 1]!;
  last.event = [...(last.event ?? []), { listen: "test", script: { type: "text/javascript", exec: WHERE } }];
  return collection;
}

describe.each([
  ["newman", runCollection],
  ["postman-runtime", runWithPostmanRuntime],
] as Array<[string, Runner]>)("%s, no environment", (_name, runner) => {
  it.each([
    ["OAuth Server-to-Server", { PRIVATE_KEY: "", META_SCOPE: "" }, "tokenV3"],
    ["JWT", { SCOPES: "" }, "jwtExchange"],
  ] as const)("%s: the token is stored in the collection variables and serves every request", async (_flow, flow, counter) => {
    const started = Date.now();
    const result = await runner({ collection: collectionOnly(flow), folder: "Platform", caFile: ctx.caFile });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls[counter]).toBe(1);
    expect(ctx.emulator.calls.api).toBe(4);
    const logged = result.console.find((entry) => entry.messages[0] === "token scope");
    expect(logged?.messages.slice(0, 2)).toEqual(["token scope", "collection"]);
    expect(logged?.messages[2]).toBe(ctx.emulator.issuedTokens[0]);
    expect(Number(logged?.messages[3])).toBeGreaterThan(started);
    expect(result.environment).toEqual({});
  });
});
