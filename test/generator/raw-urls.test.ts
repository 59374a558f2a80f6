// Every request URL we emit has `raw` (other clients show only that), and the collections still validate against v2.1.0.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { packageRoot } from "../../src/files/paths.js";
import { injectAuth } from "../../src/inject/inject.js";
import { realisticCollection } from "../helpers/realistic-collection.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

type Node = { name?: string; request?: { url?: { raw?: string; host?: string[]; path?: string[] } }; item?: Node[] };

function urls(node: Node): Array<[string, Node["request"] extends infer R ? (R extends { url?: infer U } ? U : never) : never]> {
  return [...(node.request ? [[node.name ?? "", node.request.url] as [string, never]] : []), ...(node.item ?? []).flatMap(urls)];
}

const committed = JSON.parse(readFileSync(join(packageRoot(), "collections", "adobe-ims.postman_collection.json"), "utf8")) as Node;

describe("url.raw", () => {
  it.each([
    ["generated", buildCollection() as Node],
    ["committed", committed],
    ["jwt only", buildCollection({ flows: ["jwt"] }) as Node],
  ])("is on every request of the %s collection, first, and is the URL its parts make", (_kind, collection) => {
    const found = urls(collection);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const [name, url] of found) {
      expect({ name, keys: Object.keys(url ?? {})[0] }).toEqual({ name, keys: "raw" });
      expect(url?.raw).toBe(`https://${url?.host?.join(".")}/${url?.path?.join("/")}`);
    }
    expect(collectionSchemaErrors(collection)).toEqual([]);
  });

  it("is on the Authenticate requests inject adds, and the injected collection validates", () => {
    const injected = injectAuth(realisticCollection() as never).collection as Node;
    const authenticate = injected.item?.find((item) => item.name === "Authenticate");
    const found = urls(authenticate ?? {});
    expect(found.map(([, url]) => url?.raw)).toEqual(["https://{{IMS}}/ims/token/v3", "https://{{IMS}}/ims/exchange/jwt"]);
    expect(collectionSchemaErrors(injected)).toEqual([]);
  });
});
