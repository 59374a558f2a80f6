// The committed Postman v3 folder (collections/postman/) is exactly what `generate --target postman-v3` makes now, and
// it is the v2.1 collection: the same folders, requests, scripts and variables, read back with a YAML parser alone.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildEnvironment, TEMPLATES } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";
import { postmanV3Files } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { ACME_V3 } from "../helpers/realistic-v3-collection.js";
import { v3SchemaErrors } from "../helpers/schema.js";
import { BROKEN_V3_FILES, brokenPath } from "../helpers/v3-broken-files.js";

// What `npm run build` writes: the service collection with its templates, then the user collection with oauth-user.
const files = new Map([...postmanV3Files(), ...postmanV3Files({ flows: ["oauth-user"] })]);
const committedDir = join(packageRoot(), "collections");
const COLLECTION = "postman/collections/adobe-ims";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

type Json = Record<string, unknown>;
const yaml = (path: string): Json => parse(readFileSync(join(committedDir, path), "utf8")) as Json;
const text = (description: unknown) =>
  typeof description === "object" && description !== null ? (description as { content: string }).content : description;
const lines = (exec: unknown) => (Array.isArray(exec) ? exec.join("\n") : exec);

/** The v2.1 collection's events as v3 would hold them: what runs when, and its code. */
const v2Scripts = (events: unknown) =>
  ((events ?? []) as { listen: string; script: { exec: string[] } }[]).map(({ listen, script }) => ({
    when: listen === "prerequest" ? "before" : "after",
    code: lines(script.exec),
  }));
const v3Scripts = (scripts: unknown) =>
  ((scripts ?? []) as { type: string; code: string }[]).map(({ type, code }) => ({
    when: /beforeRequest$/.test(type) ? "before" : "after",
    code,
  }));

describe("the generated Postman v3 folder", () => {
  it.each([...files.keys()])("%s is committed and up to date (run `npm run build` if not)", (file) => {
    const committed = readFileSync(join(committedDir, file), "utf8");
    expect(committed === files.get(file), `${file} is stale: run npm run build and commit it`).toBe(true);
  });

  it("collections/postman holds nothing else (a request removed from the definitions is removed there too)", () => {
    expect(filesUnder(join(committedDir, "postman"))).toEqual([...files.keys()].map((file) => file.slice("postman/".length)).sort());
  });

  it("is the v2.1 collection: its folders, requests, scripts, variables and auth, in order", () => {
    const v2 = JSON.parse(readFileSync(join(packageRoot(), "collections", "adobe-ims.postman_collection.json"), "utf8")) as Json & {
      item: (Json & { item: Json[] })[];
      info: Json;
    };
    const root = yaml(`${COLLECTION}/.resources/definition.yaml`);
    expect(root.name).toBe(v2.info.name);
    expect(root.description).toBe(text(v2.info.description));
    expect(root.variables).toEqual(
      (v2.variable as Json[]).map(({ key, value, description }) => ({ key, value, description: text(description) })),
    );
    expect(v3Scripts(root.scripts)).toEqual(v2Scripts(v2.event));
    // Both of the collection's scripts: auto-auth before every request, the 401 watcher after every response.
    expect((root.scripts as Json[]).map((entry) => entry.type)).toEqual(["http:beforeRequest", "http:afterResponse"]);
    const [auth] = root.auth as Json[];
    expect({ type: auth!.type, ...(auth!.credentials as Json) }).toEqual({ type: "bearer", token: "{{ACCESS_TOKEN}}" });

    // Folders and requests as Postman lists them: by their order, each request file named by its name.
    const folders = readdirSync(join(committedDir, COLLECTION), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== ".resources")
      .map((entry) => ({ dir: entry.name, definition: yaml(`${COLLECTION}/${entry.name}/.resources/definition.yaml`) }))
      .sort((a, b) => Number(a.definition.order) - Number(b.definition.order));
    expect(folders.map(({ dir, definition }) => definition.name ?? dir)).toEqual(v2.item.map((folder) => folder.name));
    folders.forEach(({ dir, definition }, index) => {
      const v2Folder = v2.item[index]!;
      expect(definition.description).toBe(text(v2Folder.description));
      expect(v3Scripts(definition.scripts)).toEqual(v2Scripts(v2Folder.event));
      const requests = readdirSync(join(committedDir, COLLECTION, dir))
        .filter((name) => name.endsWith(".request.yaml"))
        .map((name) => ({ name, value: yaml(`${COLLECTION}/${dir}/${name}`) }))
        .sort((a, b) => Number(a.value.order) - Number(b.value.order));
      expect(requests.map(({ name, value }) => value.name ?? name.replace(/\.request\.yaml$/, ""))).toEqual(
        v2Folder.item.map((item) => item.name),
      );
      requests.forEach(({ value }, position) => {
        const item = v2Folder.item[position]! as Json & { request: Json & { url: Json; header: Json[]; body?: Json; auth?: Json } };
        const { request } = item;
        expect(value.$kind).toBe("http-request");
        expect(value.description).toBe(text(item.description));
        expect([value.method, value.url]).toEqual([request.method, request.url.raw]);
        expect(value.headers).toEqual(Object.fromEntries(request.header.map(({ key, value }) => [key, value])));
        const form = request.body?.urlencoded as Json[] | undefined;
        expect((value.body as Json | undefined)?.content).toEqual(
          form?.map(({ key, value, description }) => ({ key, value, description: text(description) })),
        );
        expect(value.auth).toEqual(request.auth === undefined ? undefined : { type: request.auth.type });
        expect(v3Scripts(value.scripts)).toEqual(v2Scripts(item.event));
      });
    });
  });

  it("holds the environment templates as Postman v12 keeps them in Git: the same variables, types and descriptions", () => {
    for (const template of TEMPLATES) {
      const file = `postman/environments/${template.file.replace(".postman_environment.json", ".environment.yaml")}`;
      const v2 = buildEnvironment(template);
      expect(yaml(file)).toEqual({
        name: v2.name,
        values: v2.values.map(({ key, value, enabled, type, description }) => ({ key, value, enabled, type, description })),
      });
      expect(
        v2.values.map(({ key }) => key),
        template.file,
      ).toContain("ACCESS_TOKEN_BINDING");
    }
  });

  it.each([...files.keys()])("%s passes our structural check of v3 files", (file) => {
    // Paths inside their collection's folder: the kind of a definition.yaml is read from where it sits.
    expect(v3SchemaErrors(file.replace(/^postman\/collections\/[^/]+\//, ""), parse(files.get(file)!))).toEqual([]);
  });
});

describe("our structural check of v3 files", () => {
  it.each(BROKEN_V3_FILES.map((broken, index) => [broken.why, broken, index] as const))(
    "refuses %s, as postman collection lint does",
    (_why, broken, index) => {
      expect(v3SchemaErrors(brokenPath(broken, index), parse(broken.text))).not.toEqual([]);
    },
  );

  it("accepts a team's collection Postman lints clean (multi-auth at the collection, single auth on a folder)", () => {
    for (const [path, text] of Object.entries(ACME_V3)) {
      const value = parse(text) as { $kind?: string };
      if (value.$kind === "http-request" || path.endsWith("definition.yaml")) expect(v3SchemaErrors(path, value), path).toEqual([]);
    }
  });
});
