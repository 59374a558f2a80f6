// The committed files under collections/ and environments/ are exactly what the generator makes now.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import sdk from "postman-collection";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generator/write/write.js";
import { packageRoot } from "../../src/files/paths.js";
import { collectionSchemaErrors } from "../helpers/schema.js";
import { withRawUrls } from "../../src/generator/collection/raw-urls.js";

const files = generatedFiles();

describe("generated files", () => {
  it.each([...files.keys()])("%s is committed and up to date (run `npm run build` if not)", (relative) => {
    const committed = readFileSync(join(packageRoot(), relative), "utf8");
    expect(committed === files.get(relative), `${relative} is stale: run npm run build and commit it`).toBe(true);
  });

  it.each([...files.keys()].filter((file) => file.startsWith("collections")))("%s validates against the v2.1.0 schema", (relative) => {
    expect(collectionSchemaErrors(JSON.parse(files.get(relative)!))).toEqual([]);
  });

  it.each([...files.keys()].filter((file) => file.startsWith("collections")))(
    "%s loads with postman-collection's Collection",
    (relative) => {
      const json = JSON.parse(files.get(relative)!) as { item: unknown[] };
      const collection = new sdk.Collection(json as never);
      expect(collection.items.count()).toBe(json.item.length);
      // The SDK drops url.raw on the way out; it is the URL of the parts it keeps.
      const back = withRawUrls(JSON.parse(JSON.stringify(collection.toJSON())) as { item: unknown[] });
      expect(back.item).toEqual(json.item);
    },
  );

  // VariableScope keeps keys, values and enabled; it maps the app's "secret"/"default" types to "any".
  it.each([...files.keys()].filter((file) => file.startsWith("environments")))("%s round-trips through VariableScope", (relative) => {
    const json = JSON.parse(files.get(relative)!) as { values: Array<{ key: string; value: string; enabled: boolean }> };
    const scope = new sdk.VariableScope(json as never);
    for (const { key, value } of json.values) expect(scope.get(key)).toBe(value);
    const back = (scope.toJSON() as { values: Array<{ key: string; value: string; disabled?: boolean }> }).values;
    expect(back.map(({ key, value, disabled }) => ({ key, value, enabled: !disabled }))).toEqual(
      json.values.map(({ key, value, enabled }) => ({ key, value, enabled })),
    );
  });
});
