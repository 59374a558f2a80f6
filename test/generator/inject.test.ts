// injectAuth and readCollection on a collection of real-world shape: what is added, what is kept, idempotence, refusals.

import { describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { readCollection } from "../../src/inputs/collection-input.js";
import { injectAuth } from "../../src/inject/inject.js";
import { scriptBlock } from "../../src/inject/script-blocks.js";
import { scriptLines } from "../../src/generator/collection/scripts.js";
import { OWN_AUTH_REQUESTS, realisticCollection } from "../helpers/realistic-collection.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

type Json = Record<string, unknown>;
type Event = { listen: string; disabled?: boolean; script: { exec: string[] | string; id?: string } };
type Item = { name: string; item?: Item[]; event?: Event[]; request?: { auth?: Json }; description?: string; id?: string };

const BEGIN = /^\/\/ >>> postman-ims-auth /;
const END = /^\/\/ <<< postman-ims-auth /;

function requests(items: Item[], path: string[] = []): Array<{ path: string; item: Item }> {
  return items.flatMap((item) =>
    item.item ? requests(item.item, [...path, item.name]) : [{ path: [...path, item.name].join(" / "), item }],
  );
}

/** What inject added, taken out again by a reader of our markers written here, independently of the library. */
function withoutOurs(injected: Json, original: Json): Json {
  const copy = structuredClone(injected) as Json & { item: Item[]; event: Event[] };
  copy.item = copy.item.slice(1);
  const clean = (events: Event[] | undefined, created: (event: Event) => boolean): Event[] | undefined => {
    if (!events) return events;
    const result: Event[] = [];
    for (const event of events) {
      const lines = Array.isArray(event.script.exec) ? event.script.exec : event.script.exec.split("\n");
      const kept: string[] = [];
      let inside = false;
      for (const line of lines) {
        if (BEGIN.test(line)) inside = true;
        else if (END.test(line)) inside = false;
        else if (!inside) kept.push(line);
      }
      const exec = typeof event.script.exec === "string" ? kept.join("\n") : kept;
      if (kept.length === lines.length) result.push(event);
      else if (!(kept.length === 0 && created(event))) result.push({ ...event, script: { ...event.script, exec } });
    }
    return result;
  };
  copy.event = clean(copy.event, (event) => event.script.id === undefined && event.listen === "test")!;
  const walk = (items: Item[]) => {
    for (const item of items) {
      const hadEvents = item.event !== undefined;
      item.event = clean(item.event, (event) => event.script.id === undefined && event.listen === "test");
      if (hadEvents && item.event?.length === 0 && item.request) delete item.event;
      if (item.item) walk(item.item);
    }
  };
  walk(copy.item);
  copy.auth = original.auth;
  return copy;
}

describe("injectAuth on a collection of real-world size and shape", () => {
  const original = realisticCollection();
  const before = JSON.stringify(original);
  const { collection, warnings, watched } = injectAuth(readCollection(before, "acme.json"));
  const injected = collection as Json & { item: Item[]; event: Event[]; auth: Json; variable: unknown };
  const all = requests(injected.item.slice(1));

  it("is big enough to mean something, and the input is not changed", () => {
    expect(all).toHaveLength(57);
    expect(JSON.stringify(original)).toBe(before);
  });

  it("validates against the Collection v2.1.0 schema, before and after", () => {
    expect(collectionSchemaErrors(original)).toEqual([]);
    expect(collectionSchemaErrors(injected)).toEqual([]);
  });

  it("adds Bearer {{ACCESS_TOKEN}}, the Authenticate folder first, and auto-auth first in the collection's pre-request script", () => {
    expect(injected.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{ACCESS_TOKEN}}", type: "string" }] });
    expect(injected.item[0]?.name).toBe("Authenticate");
    expect(injected.item[0]?.item?.map((item) => item.name)).toEqual([
      "IMS: OAuth Server-to-Server Token",
      "IMS: JWT Generate + Auth via User Token",
    ]);
    const pre = injected.event.filter((event) => event.listen === "prerequest");
    expect(pre).toHaveLength(1);
    const exec = pre[0]!.script.exec as string[];
    const auto = scriptLines("auto-auth");
    expect(exec.slice(1, 1 + auto.length)).toEqual(auto);
    expect(exec.slice(auto.length + 2)).toEqual((original.event as Event[])[0]!.script.exec);
  });

  it("keeps every event, variable and item: taking our parts out again gives the input back", () => {
    expect(withoutOurs(injected, original)).toEqual(original);
    expect(injected.variable).toEqual(original.variable);
  });

  it("puts the 401 watcher first in the collection's test script, and in no request: requests added later are watched too", () => {
    const watcher = scriptLines("401-watcher");
    const tests = injected.event.filter((event) => event.listen === "test");
    expect(tests).toHaveLength(1);
    const exec = tests[0]!.script.exec as string[];
    expect(exec[0]).toMatch(BEGIN);
    expect(exec.slice(1, 1 + watcher.length)).toEqual(watcher);
    expect(exec[1 + watcher.length]).toMatch(END);
    const carrying = all.filter(({ item }) => JSON.stringify(item.event ?? []).includes("401-watcher"));
    expect(carrying).toEqual([]);
    expect(watched).toBe(57 - OWN_AUTH_REQUESTS.length);
  });

  it("warns about the replaced collection auth and every folder or request whose own auth overrides it", () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^the collection's own auth \(bearer\) is replaced by Bearer \{\{ACCESS_TOKEN\}\}/),
      expect.stringMatching(/^request "Identity \/ Graphs \/ Graph without auth" has its own auth \(noauth\)/),
      expect.stringMatching(/^request "Segments \/ Segment with legacy token" has its own auth \(bearer\)/),
      expect.stringMatching(/^folder "Legacy" has its own auth \(apikey\): its 2 requests do not send the collection's token/),
      expect.stringMatching(/^request "Public \/ Public health check" has its own auth \(noauth\)/),
    ]);
  });

  it("running it again gives the same collection, byte for byte", () => {
    const again = injectAuth(readCollection(JSON.stringify(injected), "acme.json"));
    expect(JSON.stringify(again.collection)).toBe(JSON.stringify(injected));
    expect(again.warnings).toEqual(warnings.slice(1));
    expect(again.watched).toBe(watched);
  });

  it("with one flow, the folder has that flow's request only; re-injecting with another flow replaces it", () => {
    const jwt = injectAuth(original, { flows: ["jwt"] }).collection as { item: Item[] };
    expect(jwt.item[0]?.item?.map((item) => item.name)).toEqual(["IMS: JWT Generate + Auth via User Token"]);
    const s2s = injectAuth(jwt as Json, { flows: ["oauth-s2s"] }).collection as { item: Item[] };
    expect(s2s.item.filter((item) => item.name === "Authenticate")).toHaveLength(1);
    expect(s2s.item[0]?.item?.map((item) => item.name)).toEqual(["IMS: OAuth Server-to-Server Token"]);
  });

  it("a collection an older inject gave a watcher in every request: the next inject takes them out, the requests' own tests stay", () => {
    const older = structuredClone(injected) as { item: Item[] };
    const watcher = scriptBlock("401-watcher", scriptLines("401-watcher"));
    const targets = requests(older.item.slice(1)).map(({ item }) => item);
    for (const item of targets) {
      const test = item.event?.find((event) => event.listen === "test");
      if (test)
        test.script.exec = Array.isArray(test.script.exec) ? [...test.script.exec, ...watcher] : [test.script.exec, ...watcher].join("\n");
      else item.event = [...(item.event ?? []), { listen: "test", script: { exec: [...watcher] } }];
    }
    const again = injectAuth(older as Json).collection;
    expect(JSON.stringify(again)).toBe(JSON.stringify(injected));
  });

  it("injecting into a collection generate made does not run auto-auth twice", () => {
    const twice = injectAuth(buildCollection()).collection as { event: Event[]; item: Item[] };
    expect(twice.event.map((event) => event.listen)).toEqual(["prerequest", "test"]);
    for (const event of twice.event) expect((event.script.exec as string[]).filter((line) => BEGIN.test(line))).toHaveLength(1);
    expect(twice.item.filter((item) => item.name === "Authenticate")).toHaveLength(1);
  });

  it("a block whose closing marker was deleted is refused, naming where", () => {
    const damaged = structuredClone(injected) as { event: Event[] };
    const exec = damaged.event[0]!.script.exec as string[];
    exec.splice(
      exec.findIndex((line) => END.test(line)),
      1,
    );
    expect(() => injectAuth(damaged as Json)).toThrow(
      /^the collection's scripts: the postman-ims-auth auto-auth block that starts on line 1 of the script has no closing/,
    );
  });
});

describe("readCollection refuses what is not a v2.1 collection, with the reason", () => {
  const v21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
  it.each([
    ["not JSON", '{ "info": ', /^c\.json: is not JSON.*so not a Postman collection\. In Postman: .*Export → Collection v2\.1/],
    ["empty", "", /^c\.json: is empty/],
    ["a list", "[]", /^c\.json: is not a Postman collection: it holds a list/],
    ["an environment", JSON.stringify({ name: "e", values: [] }), /^c\.json: is a Postman environment, not a collection/],
    [
      "half a v1 export",
      JSON.stringify({ id: "x", name: "old", order: [] }),
      /^c\.json: looks like a Postman Collection v1 export, but lacks its "requests" and "order" lists/,
    ],
    [
      "a v3 schema",
      JSON.stringify({ info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v3.0.0/collection.json" }, item: [] }),
      /^c\.json: is a Collection v3\.0\.0 export \(info\.schema\); v2\.1, v2\.0 and v1 are read/,
    ],
    ["no schema", JSON.stringify({ info: { name: "c" }, item: [] }), /^c\.json: is not a v2\.1 collection: it has no info\.schema/],
    [
      "a Postman API response",
      JSON.stringify({ collection: { info: { name: "c", schema: v21 }, item: [] } }),
      /wraps the collection in "collection"/,
    ],
    ["no item list", JSON.stringify({ info: { name: "c", schema: v21 } }), /^c\.json: has no "item" list/],
    [
      "an entry that is neither",
      JSON.stringify({ info: { name: "c", schema: v21 }, item: [{ name: "F", item: [{ name: "odd" }] }] }),
      /^c\.json: item\[0\]\.item\[0\] \(F \/ odd\) has neither "request" nor "item"/,
    ],
    [
      "a folder whose item is not a list",
      JSON.stringify({ info: { name: "c", schema: v21 }, item: [{ name: "F", item: {} }] }),
      /^c\.json: item\[0\] \(F\) is a folder whose "item" is an object/,
    ],
    [
      "an event without listen",
      JSON.stringify({ info: { name: "c", schema: v21 }, item: [], event: [{ script: {} }] }),
      /^c\.json: event\[0\] of the collection is not an event/,
    ],
  ])("%s", (_name, text, message) => {
    expect(() => readCollection(text, "c.json")).toThrow(message);
  });

  it("never quotes the file's text", () => {
    try {
      readCollection('{"info": {"name": "c"}, "variable": [{"key": "secret", "value": p8e-SENTINEL}]}', "c.json");
    } catch (error) {
      expect(String(error)).not.toContain("SENTINEL");
      return;
    }
    throw new Error("accepted");
  });
});
