// inject's rough edges: the Authenticate folder's description, requests that already send Bearer {{ACCESS_TOKEN}}, v2.0 and v1 collections.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { authenticateFolder } from "../../src/generator/collection/collection.js";
import { readAnyCollection } from "../../src/inject/collection-convert.js";
import { injectAuth } from "../../src/inject/inject.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

type Json = Record<string, unknown>;
type Item = {
  name: string;
  id?: string;
  item?: Item[];
  event?: Array<{ listen: string; script: { exec: string[] } }>;
  request?: { auth?: Json };
  description?: unknown;
};

const V20 = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json";
const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const OWN_BEARER = { type: "bearer", bearer: [{ key: "token", value: "{{ACCESS_TOKEN}}", type: "string" }] };

const watches = (item: Item | undefined): boolean =>
  (item?.event ?? []).some(
    (event) => event.listen === "test" && event.script.exec.some((line) => line.includes("postman-ims-auth 401-watcher")),
  );
const inject = (collection: Json, file = "c.json") => {
  const read = readAnyCollection(JSON.stringify(collection), file);
  return { ...injectAuth(read.collection), convertedFrom: read.convertedFrom };
};

describe("the Authenticate folder inject adds", () => {
  it("has the generated folder's description as text, then the mark: never [object Object]", () => {
    const { collection } = inject({ info: { name: "c", schema: V21 }, item: [] });
    const folder = (collection.item as Item[])[0];
    expect(folder?.description).toBe(
      `${String(authenticateFolder().description)} (Added by postman-ims-auth inject: running inject again replaces this folder.)`,
    );
    expect(JSON.stringify(collection)).not.toContain("[object Object]");
  });
});

describe("requests and folders whose own auth is Bearer {{ACCESS_TOKEN}}", () => {
  const { collection, warnings, watched } = inject({
    info: { name: "c", schema: V21 },
    item: [
      { name: "Own bearer", request: { method: "GET", url: "https://api.example.com/a", auth: OWN_BEARER } },
      { name: "Folder", auth: OWN_BEARER, item: [{ name: "Inside", request: { method: "GET", url: "https://api.example.com/b" } }] },
      { name: "No auth", request: { method: "GET", url: "https://api.example.com/c", auth: { type: "noauth" } } },
    ],
  });
  const items = (collection.item as Item[]).slice(1);
  it("send the collection's token: no warning for them, counted as its users; the collection, not they, watches for 401", () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^request "No auth" has its own auth \(noauth\)/);
    expect([items[0], items[1]?.item?.[0], items[2]].map(watches)).toEqual([false, false, false]);
    expect(watches(collection as Item)).toBe(true);
    expect(watched).toBe(2);
  });
});

describe("a Collection v2.0 export", () => {
  const v20 = {
    info: { _postman_id: "0f0e0d0c-0b0a-4909-8807-060504030201", name: "Acme v2.0", schema: V20 },
    auth: { type: "apikey", apikey: { key: "x-api-key", value: "{{K}}", in: "header" } },
    item: [
      {
        name: "Folder",
        id: "a1",
        auth: { type: "bearer", bearer: { token: "{{ACCESS_TOKEN}}" } },
        item: [{ name: "In folder", id: "a2", request: { method: "GET", url: "https://api.example.com/f" } }],
      },
      { name: "Public", id: "a3", request: { method: "GET", url: "https://api.example.com/p", auth: { type: "noauth" } } },
      {
        name: "Legacy",
        id: "a4",
        request: { method: "GET", url: "https://api.example.com/l", auth: { type: "bearer", bearer: { token: "{{old}}" } } },
      },
    ],
  };
  const { collection, warnings, convertedFrom, watched } = inject(v20);
  const items = (collection.item as Item[]).slice(1);

  it("is converted to v2.1 (auth as key/value lists) and validates against the v2.1 schema", () => {
    expect(convertedFrom).toBe("v2.0");
    expect((collection.info as Json).schema).toBe(V21);
    expect(items[2]?.request?.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{old}}", type: "string" }] });
    expect(collectionSchemaErrors(collection)).toEqual([]);
  });

  it("keeps every id and a request's No Auth (the transformer's round trip through v1 would lose both)", () => {
    expect(items.map((item) => item.id)).toEqual(["a1", "a3", "a4"]);
    expect(items[1]?.request?.auth).toEqual({ type: "noauth" });
    expect(warnings.map((warning) => warning.slice(0, 30))).toEqual([
      "the collection's own auth (api",
      'request "Public" has its own a',
      'request "Legacy" has its own a',
    ]);
  });

  it("the folder's own Bearer {{ACCESS_TOKEN}}, converted, counts as the collection's token", () => {
    // "In folder" sends it; "Public" and "Legacy" send their own.
    expect(watched).toBe(1);
    expect(warnings.join("\n")).not.toContain('"Folder"');
  });
});

describe("a Collection v1 export", () => {
  const v1 = (requests: Json[], order: string[]) => ({
    id: "c0000000-0000-4000-8000-000000000001",
    name: "Old v1",
    order,
    folders: [],
    requests,
  });
  const request = (id: string, name: string) => ({
    id,
    name,
    url: `https://api.example.com/${id}`,
    method: "GET",
    headers: "",
    collectionId: "c0000000-0000-4000-8000-000000000001",
  });

  it("is converted to v2.1, request ids kept, the same file every time", () => {
    const input = v1([request("r1", "One"), request("r2", "Two")], ["r1", "r2"]);
    const first = inject(input);
    expect(first.convertedFrom).toBe("v1");
    expect((first.collection.item as Item[]).slice(1).map((item) => [item.id, item.name])).toEqual([
      ["r1", "One"],
      ["r2", "Two"],
    ]);
    expect(collectionSchemaErrors(first.collection)).toEqual([]);
    expect(JSON.stringify(inject(input).collection)).toBe(JSON.stringify(first.collection));
  });

  it("is refused, with the requests named, when the conversion would drop requests no folder or order lists", () => {
    expect(() => inject(v1([request("r1", "Kept"), request("r3", "Orphan")], ["r1"]))).toThrow(
      expect.objectContaining({
        code: "ERR_INPUT_FILE",
        message: expect.stringMatching(
          /^c\.json: is a Postman Collection v1 export, and converting it to v2\.1 would drop 1 request that no folder or order lists \("Orphan"\)/,
        ),
      }),
    );
  });
});

describe("postman-collection-transformer", () => {
  it("is a direct dependency at the version Newman uses", () => {
    const ours = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    const newman = JSON.parse(readFileSync("node_modules/newman/package.json", "utf8")) as { dependencies: Record<string, string> };
    expect(ours.dependencies["postman-collection-transformer"]).toBe(newman.dependencies["postman-collection-transformer"]);
  });
});
