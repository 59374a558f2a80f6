// The compiled scripts in a bare VM context: no globals left behind, the engine refused when tampered with.

import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { fakePm as harnessPm } from "../helpers/fake-pm.js";
import { scriptSource, type ScriptName } from "../../src/generator/collection/scripts.js";

/** The tests' one fake `pm` (checked against the real sandboxes), as these tests read it. */
function fakePm(variables: Record<string, string>, path = "/data/x") {
  const fake = harnessPm({
    variables,
    path,
    response: { status: 200, body: JSON.stringify({ access_token: "a.b.c", expires_in: 1000 }) },
  });
  return { pm: fake.pm, tests: fake.outcome.tests, sent: fake.outcome.sent, skipped: () => fake.outcome.skipped };
}

function run(source: string, pm: unknown): Record<string, unknown> {
  const context: Record<string, unknown> = { pm, console };
  runInNewContext(source, context);
  return context;
}

describe("compiled scripts in a bare context", () => {
  it.each(["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "401-watcher"] as ScriptName[])(
    "%s defines no globals",
    (name) => {
      const { pm } = fakePm({}, name === "auto-auth" || name === "401-watcher" ? "/data/x" : "/ims/exchange/jwt");
      const context = run(scriptSource(name), pm);
      expect(Object.keys(context).sort()).toEqual(["console", "pm"]);
    },
  );

  it("sample-guard, wrapped as the collection carries it, defines no globals; off, it skips with a note", () => {
    const { pm, tests, skipped } = fakePm({});
    const logged: unknown[] = [];
    const wrapped = `(function (sample) {\n${scriptSource("sample-guard")}\n})(${JSON.stringify({ folder: "AEM", on: "AEM_HOST", needs: ["AEM_HOST"] })});`;
    const context: Record<string, unknown> = { pm, console: { info: (line: unknown) => logged.push(line) } };
    runInNewContext(wrapped, context);
    expect(Object.keys(context).sort()).toEqual(["console", "pm"]);
    expect([tests, skipped(), logged]).toEqual([
      [],
      true,
      ['postman-ims-auth: skipped "AEM": the AEM samples are off; set AEM_HOST to turn them on.'],
    ]);
  });

  it("the JWT script, with the engine unpacked, reports every missing variable and skips the request", () => {
    const { pm, tests, skipped } = fakePm({}, "/ims/exchange/jwt");
    run(scriptSource("jwt-exchange"), pm);
    expect(skipped()).toBe(true);
    expect(tests.map((test) => test.name)).toEqual(
      ["IMS", "IMS_ORG", "TECHNICAL_ACCOUNT_ID", "API_KEY", "CLIENT_SECRET", "META_SCOPE", "PRIVATE_KEY"].map(
        (name) => `${name} is set correctly`,
      ),
    );
    expect(tests.every((test) => test.error?.startsWith("ERR_MISSING_VARIABLE: "))).toBe(true);
  });

  it("auto-auth with a fresh token does nothing at all", () => {
    const { pm, tests, sent, skipped } = fakePm({ ACCESS_TOKEN: "x.y.z", ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + 3_600_000) });
    run(scriptSource("auto-auth"), pm);
    expect([tests, sent, skipped()]).toEqual([[], [], false]);
  });

  it("auto-auth refuses an engine that does not match its digest, and asks IMS nothing", () => {
    const source = scriptSource("auto-auth");
    const blob = /"([A-Za-z0-9+/]{2000,}=*)"/.exec(source)?.[1];
    expect(blob).toBeDefined();
    const flipped = blob!.slice(0, 1000) + (blob![1000] === "A" ? "B" : "A") + blob!.slice(1001);
    const { pm, tests, sent, skipped } = fakePm({ API_KEY: "client", CLIENT_SECRET: "secret", SCOPES: "openid", IMS: "ims.example" });
    run(source.replace(blob!, flipped), pm);
    expect(sent).toEqual([]);
    expect(skipped()).toBe(true);
    expect(tests).toEqual([
      { name: "Adobe IMS access token", error: expect.stringMatching(/^ERR_SCRIPT_INTEGRITY: The authentication script/) },
    ]);
  });
});
