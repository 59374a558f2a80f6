// The collection's shape, as plain expected objects.

import { describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection.js";
import { scriptSource } from "../../src/generator/scripts.js";

interface Json {
  [key: string]: unknown;
}

const collection = buildCollection() as { item: Json[]; info: Json };
const folder = collection.item[0] as { name: string; item: Json[] };
const request = folder.item[0] as { name: string; request: Json; event: Array<{ listen: string; script: { exec: string[] } }> };

describe("the Adobe IMS collection", () => {
  it("has the Authenticate folder with the JWT request", () => {
    expect(collection.info.name).toBe("Adobe IMS");
    expect(collection.item.map((item) => item.name)).toEqual(["Authenticate"]);
    expect(folder.item.map((item) => item.name)).toEqual(["IMS: JWT Generate + Auth via User Token"]);
  });

  it("posts the documented form to https://{{IMS}}/ims/exchange/jwt without auth", () => {
    const { url, method, body, header, auth } = request.request as {
      url: { protocol: string; host: string[]; path: string[] };
      method: string;
      body: { mode: string; urlencoded: Array<{ key: string; value: string }> };
      header: Array<{ key: string; value: string }>;
      auth: { type: string };
    };
    expect(method).toBe("POST");
    expect(`${url.protocol}://${url.host.join(".")}/${url.path.join("/")}`).toBe("https://{{IMS}}/ims/exchange/jwt");
    expect(auth.type).toBe("noauth");
    expect(header).toEqual([{ key: "Content-Type", value: "application/x-www-form-urlencoded" }]);
    expect(body.mode).toBe("urlencoded");
    expect(body.urlencoded.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: "client_id", value: "{{API_KEY}}" },
      { key: "client_secret", value: "{{CLIENT_SECRET}}" },
      { key: "jwt_token", value: "" },
    ]);
  });

  it("carries the compiled scripts as its pre-request and test events", () => {
    expect(request.event.map((event) => event.listen)).toEqual(["prerequest", "test"]);
    expect(request.event[0]?.script.exec.join("\n")).toBe(scriptSource("jwt-exchange").trimEnd());
    expect(request.event[1]?.script.exec.join("\n")).toBe(scriptSource("token-response").trimEnd());
  });
});

describe("compiled scripts", () => {
  it.each(["jwt-exchange", "token-response"] as const)("%s has no eval, no require or import, no URL to fetch code from", (name) => {
    const source = scriptSource(name);
    expect(source).not.toMatch(/\beval\s*\(/);
    expect(source).not.toMatch(/\bnew Function\b/);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/^\s*import\b|\bimport\s*\(/m);
    expect(source).not.toMatch(/https?:\/\/(?!\$\{)[a-z0-9.-]+\.[a-z]{2,}\/[^"'\s]*\.js/i);
    expect(source).not.toMatch(/sendRequest/);
  });

  it("the JWT script carries jsrsasign", () => {
    expect(scriptSource("jwt-exchange")).toMatch(/jsrsasign/);
    expect(scriptSource("jwt-exchange").length).toBeGreaterThan(100_000);
  });
});
