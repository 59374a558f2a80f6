// The committed Bruno collection (collections/bruno/adobe-ims) is exactly what `generate --target bruno` makes now, with the Postman collection's requests.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BRUNO_DIR, brunoFiles } from "../../src/generator/bruno/bruno-collection.js";
import { packageRoot } from "../../src/generator/files/paths.js";

const files = brunoFiles();

describe("generated Bruno collection", () => {
  it.each([...files.keys()])("%s is committed and up to date (run `npm run build` if not)", (relative) => {
    const committed = readFileSync(join(packageRoot(), "collections", "bruno", BRUNO_DIR, relative), "utf8");
    expect(committed === files.get(relative), `${relative} is stale: run npm run build and commit it`).toBe(true);
  });

  it("secrets are marked secret and carry no value", () => {
    const env = JSON.parse(files.get(join("environments", "workshop.yml"))!) as {
      variables: { name: string; secret?: boolean; value?: string }[];
    };
    const secret = env.variables.find((v) => v.name === "CLIENT_SECRET");
    expect(secret).toMatchObject({ secret: true });
    expect(secret && "value" in secret).toBe(false);
  });

  it("has the collection's Bearer auth and our before-request script, awaited", () => {
    const root = JSON.parse(files.get("opencollection.yml")!) as { request: { auth: unknown; scripts: { type: string; code: string }[] } };
    expect(root.request.auth).toEqual({ type: "bearer", token: "{{ACCESS_TOKEN}}" });
    expect(root.request.scripts[0]?.code.endsWith("await __imsAuth.run();")).toBe(true);
  });
});
