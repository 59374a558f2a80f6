// `inject` as a user runs it on an exported collection: output, layout kept, warnings, idempotence, refusals.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readJson, tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { realisticCollection } from "../helpers/realistic-collection.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

const temp = tempDir("cli-inject");
afterAll(() => temp.remove());

/** As the Postman app exports: tab-indented, no final newline. */
const exported = JSON.stringify(realisticCollection(), null, "\t");

describe("inject", () => {
  it("-o FILE writes the collection with our parts, in the input's layout, and lists the overriding auth as warnings", async () => {
    writeFileSync(temp.path("acme.json"), exported);
    const result = await runMain(["inject", temp.path("acme.json"), "-o", temp.path("acme-ims.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote .*acme-ims\.json: Bearer auth, auto-auth script, 401 watcher and Authenticate folder added; 52 requests use the collection's token; 5 warnings above\n$/,
    );
    const warnings = result.stderr.trimEnd().split("\n");
    expect(warnings).toHaveLength(5);
    expect(warnings.every((line) => line.startsWith("warning: "))).toBe(true);
    expect(warnings[3]).toMatch(/^warning: folder "Legacy" has its own auth \(apikey\)/);
    const text = readFileSync(temp.path("acme-ims.json"), "utf8");
    expect(text.startsWith('{\n\t"info": {')).toBe(true);
    expect(text.endsWith("}")).toBe(true);
    const json = JSON.parse(text) as { item: Array<{ name: string }> };
    expect(collectionSchemaErrors(json)).toEqual([]);
    expect(json.item.map((item) => item.name).slice(0, 2)).toEqual(["Authenticate", "Schemas"]);
    expect(readFileSync(temp.path("acme.json"), "utf8")).toBe(exported);
  });

  it("--in-place on an injected collection changes nothing: running it twice gives the same file", async () => {
    const before = readFileSync(temp.path("acme-ims.json"), "utf8");
    const result = await runMain(["inject", temp.path("acme-ims.json"), "--in-place", "--flows", "oauth-s2s,jwt"]);
    expect(result.code).toBe(0);
    expect(readFileSync(temp.path("acme-ims.json"), "utf8")).toBe(before);
  });

  it("--flows jwt --in-place replaces the Authenticate folder with the JWT request only", async () => {
    writeFileSync(temp.path("jwt.json"), exported);
    expect((await runMain(["inject", temp.path("jwt.json"), "--in-place", "--flows", "jwt"])).code).toBe(0);
    const json = readJson<{ item: Array<{ name: string; item?: Array<{ name: string }> }> }>(temp.path("jwt.json"));
    expect(json.item[0]?.item?.map((item) => item.name)).toEqual(["IMS: JWT Generate + Auth via User Token"]);
  });

  it("a v2.0 export is converted to v2.1, said in a note on stderr; a missing output folder is made", async () => {
    const v20 = {
      info: { name: "Old", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
      item: [
        {
          name: "R",
          request: { method: "GET", url: "https://api.example.com/r", auth: { type: "bearer", bearer: { token: "{{ACCESS_TOKEN}}" } } },
        },
      ],
    };
    writeFileSync(temp.path("v20.json"), JSON.stringify(v20));
    const result = await runMain(["inject", "v20.json", "-o", "new-folder/v21.json"], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "note: v20.json is a Collection v2.0 export: converted to v2.1 (postman-collection-transformer), as Postman does on import.\n",
    );
    expect(result.stdout).toMatch(/; 1 requests use the collection's token\n$/);
    const written = readJson(temp.path("new-folder", "v21.json"));
    expect(collectionSchemaErrors(written)).toEqual([]);
    expect((written.info as { schema: string }).schema).toMatch(/v2\.1\.0/);
  });

  it("refuses to overwrite an existing output unless --force", async () => {
    writeFileSync(temp.path("taken.json"), "keep me");
    const refused = await runMain(["inject", temp.path("acme.json"), "-o", temp.path("taken.json")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: ERR_OUTPUT_EXISTS: .*taken\.json already exists/);
    expect(readFileSync(temp.path("taken.json"), "utf8")).toBe("keep me");
    expect((await runMain(["inject", temp.path("acme.json"), "-o", temp.path("taken.json"), "--force"])).code).toBe(0);
    expect(collectionSchemaErrors(readJson(temp.path("taken.json")))).toEqual([]);
  });

  it.each([
    ["no collection", ["-o", "out.json"], /^error: ERR_USAGE: name the collection file\n\nusage: postman-ims-auth inject/],
    ["no output", ["acme.json"], /^error: ERR_INVALID_OPTION: say where to write: an output file \(-o FILE\), or in-place \(--in-place\)/],
    [
      "both outputs",
      ["acme.json", "-o", "out.json", "--in-place"],
      /^error: ERR_INVALID_OPTION: give an output file \(-o FILE\) or in-place \(--in-place\), not both/,
    ],
    [
      "--force with --in-place",
      ["acme.json", "--in-place", "--force"],
      /^error: ERR_INVALID_OPTION: force \(--force\) goes with an output file/,
    ],
    [
      "an output in a folder that is a file",
      ["acme.json", "-o", "notes.txt/c.json"],
      /^error: ERR_OUTPUT_PATH: notes\.txt\/c\.json cannot be made: part of its path is a file, not a folder; nothing was written\./,
    ],
    [
      "the input as output",
      ["acme.json", "-o", "./acme.json"],
      /^error: ERR_INVALID_OPTION: the output is the input \(acme\.json\): to change it, say in-place \(--in-place\)/,
    ],
    [
      "a missing file",
      ["missing.json", "-o", "out.json"],
      /^error: ERR_INPUT_FILE: missing\.json \(the collection\) does not exist: check the path/,
    ],
    [
      "an environment",
      ["env.json", "-o", "out.json"],
      /^error: ERR_INPUT_FILE: env\.json: is a Postman environment, not a collection\. In Postman: .*Export → Collection v2\.1/,
    ],
    [
      "text that is not JSON",
      ["notes.txt", "-o", "out.json"],
      /^error: ERR_INPUT_FILE: notes\.txt: is not JSON( \(line 1, column 1\))?, so not a Postman collection/,
    ],
    ["an unknown flow", ["acme.json", "-o", "out.json", "--flows", "basic"], /^error: ERR_INVALID_OPTION: unknown flow "basic"/],
  ])("refuses %s, and writes nothing", async (_name, args, message) => {
    writeFileSync(temp.path("env.json"), JSON.stringify({ name: "e", values: [{ key: "A", value: "1" }] }));
    writeFileSync(
      temp.path("v20.json"),
      JSON.stringify({ info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" }, item: [] }),
    );
    writeFileSync(temp.path("notes.txt"), "my collection");
    const result = await runMain(["inject", ...args], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(temp.path("out.json"))).toBe(false);
  });
});
