// The collection's shape, as plain expected objects.

import { describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { scriptSource, type ScriptName } from "../../src/generator/collection/scripts.js";

interface Json {
  [key: string]: unknown;
}
type Event = { listen: string; script: { exec: string[] } };
type Item = { name: string; description?: unknown; item?: Item[]; request?: Json; event?: Event[] };

const collection = buildCollection() as { item: Item[]; info: Json; auth: Json; event: Event[]; variable: Json[] };
const byName = (items: Item[] | undefined, name: string) => items?.find((item) => item.name === name);
const authenticate = byName(collection.item, "Authenticate");
const joined = (event: Event | undefined) => event?.script.exec.join("\n");

describe("the Adobe IMS collection", () => {
  it("has the Authenticate folder (both flows) and the Platform sample", () => {
    expect(collection.info.name).toBe("Adobe IMS");
    expect(collection.item.map((item) => item.name)).toEqual(["Authenticate", "Platform", "AEM"]);
    expect(authenticate?.item?.map((item) => item.name)).toEqual([
      "IMS: OAuth Server-to-Server Token",
      "IMS: JWT Generate + Auth via User Token",
    ]);
  });

  it("authenticates every request with Bearer {{ACCESS_TOKEN}}, a collection-level pre-request script and the collection's 401 watcher", () => {
    expect(collection.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{ACCESS_TOKEN}}", type: "string" }] });
    expect(collection.event.map((event) => event.listen)).toEqual(["prerequest", "test"]);
    expect(joined(collection.event[0])).toBe(scriptSource("auto-auth").trimEnd());
    expect(joined(collection.event[1])).toBe(scriptSource("401-watcher").trimEnd());
    expect(collection.variable).toEqual([expect.objectContaining({ key: "PLATFORM_HOST", value: "platform.adobe.io" })]);
  });

  it.each([
    [
      "IMS: JWT Generate + Auth via User Token",
      "https://{{IMS}}/ims/exchange/jwt",
      ["client_id={{API_KEY}}", "client_secret={{CLIENT_SECRET}}", "jwt_token="],
      "jwt-exchange",
    ],
    [
      "IMS: OAuth Server-to-Server Token",
      "https://{{IMS}}/ims/token/v3",
      ["grant_type=client_credentials", "client_id={{API_KEY}}", "client_secret={{CLIENT_SECRET}}", "scope={{SCOPES}}"],
      "s2s-exchange",
    ],
  ])("%s posts the documented form to %s without the collection's auth", (name, url, form, preRequest) => {
    const item = byName(authenticate?.item, name)!;
    const request = item.request as {
      url: { protocol: string; host: string[]; path: string[]; query: unknown[] };
      method: string;
      auth: { type: string };
      body: { mode: string; urlencoded: Array<{ key: string; value: string }> };
    };
    expect(request.method).toBe("POST");
    expect(`${request.url.protocol}://${request.url.host.join(".")}/${request.url.path.join("/")}`).toBe(url);
    expect(request.url.query).toEqual([]);
    expect(request.auth.type).toBe("noauth");
    expect(request.body.mode).toBe("urlencoded");
    expect(request.body.urlencoded.map(({ key, value }) => `${key}=${value}`)).toEqual(form);
    expect(item.event?.map((event) => event.listen)).toEqual(["prerequest", "test"]);
    expect(joined(item.event?.[0])).toBe(scriptSource(preRequest as ScriptName).trimEnd());
    expect(joined(item.event?.[1])).toBe(scriptSource("token-response").trimEnd());
  });

  it("the Platform sample sends the headers Adobe's APIs want; the collection, not the request, watches for 401", () => {
    const item = byName(byName(collection.item, "Platform")?.item, "Platform: List sandboxes")!;
    const request = item.request as { method: string; header: Array<{ key: string; value: string }>; auth?: unknown };
    expect(request.method).toBe("GET");
    expect(request.auth).toBeUndefined();
    expect(request.header.map(({ key, value }) => `${key}: ${value}`)).toEqual([
      "Accept: application/json",
      "x-api-key: {{API_KEY}}",
      "x-gw-ims-org-id: {{IMS_ORG}}",
      "x-sandbox-name: {{SANDBOX_NAME}}",
    ]);
    expect(item.event?.map((event) => event.listen)).toEqual(["prerequest", "test"]);
    expect(joined(item.event?.[1])).not.toContain(scriptSource("401-watcher").trimEnd());
    expect(joined(item.event?.[1])).toContain("pm.response.to.have.status(200)");
  });

  it("every sample request checks, before sending, each variable it sends, and is switched on by its folder's variable", () => {
    for (const [folder, on] of [
      ["Platform", "SANDBOX_NAME"],
      ["AEM", "AEM_HOST"],
    ] as const) {
      const items = byName(collection.item, folder)!;
      expect(JSON.stringify(items.description)).toContain(`switched on by ${on}`);
      for (const item of items.item ?? []) {
        const guard = item.event?.find((event) => event.listen === "prerequest");
        const exec = guard?.script.exec ?? [];
        expect(exec[0]).toBe("(function (sample) {");
        expect(exec.slice(1, -1).join("\n")).toBe(scriptSource("sample-guard").trimEnd());
        const sample = JSON.parse(/^\}\)\((.*)\);$/.exec(exec.at(-1) ?? "")?.[1] ?? "null") as { on: string; needs: string[] };
        expect(sample.on).toBe(on);
        const request = item.request as { url: { host: string[] }; header?: Array<{ value: string }> };
        const sent = [...JSON.stringify([request.url, request.header ?? []]).matchAll(/\{\{([A-Z_]+)\}\}/g)].map((match) => match[1]);
        expect([...new Set(sent)].sort()).toEqual([...sample.needs].sort());
      }
    }
  });
});

it("the AEM folder reads /content/dam.json and the current user with the collection's Bearer token", () => {
  const aem = byName(collection.item, "AEM")!;
  expect(aem.item?.map((item) => [item.name, (item.request as { url: { raw?: string; host: string[]; path: string[] } }).url])).toEqual([
    ["AEM: GET /content/dam.json", expect.objectContaining({ host: ["{{AEM_HOST}}"], path: ["content", "dam.json"] })],
    [
      "AEM: GET current user",
      expect.objectContaining({ host: ["{{AEM_HOST}}"], path: ["libs", "granite", "security", "currentuser.json"] }),
    ],
  ]);
  for (const item of aem.item ?? [])
    expect(joined(item.event?.find((event) => event.listen === "test"))).not.toContain(scriptSource("401-watcher").trimEnd());
});

describe("compiled scripts", () => {
  const names: ScriptName[] = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "401-watcher", "sample-guard"];

  it.each(names)("%s has no eval, no require or import, and fetches nothing", (name) => {
    const source = scriptSource(name);
    expect(source).not.toMatch(/\beval\s*\(/);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/^\s*import\b|\bimport\s*\(/m);
    expect(source).not.toMatch(/https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    expect(source.length).toBeLessThan(120 * 1024);
  });

  it("only the two scripts that may need to sign evaluate code: the engine carried inside them, after a digest check", () => {
    const evaluating = names.filter((name) => /new Function/.test(scriptSource(name)));
    expect(evaluating).toEqual(["auto-auth", "jwt-exchange"]);
    for (const name of evaluating) expect(scriptSource(name)).toMatch(/[0-9a-f]{64}/);
  });

  it("no other script carries jsrsasign", () => {
    for (const name of ["s2s-exchange", "token-response", "401-watcher"] as const) {
      expect(scriptSource(name)).not.toMatch(/BigInteger|RSAKey|jsrsasign/);
    }
  });
});
