// `generate` as a user runs it: the files written, their validity, the flow and name options, and refusals.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brunoFiles } from "../../src/generator/bruno/bruno-collection.js";
import { generatedFiles } from "../../src/generator/write/write.js";
import { environmentRoundTripProblems, readJson, tempDir, type EnvironmentJson } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

const temp = tempDir("cli-generate");
afterAll(() => temp.remove());

type Collection = { info: { name: string }; item: Array<{ name: string; item?: Array<{ name: string }> }> };

describe("generate", () => {
  it("writes what npm run build commits, into the directory given", async () => {
    const result = await runMain(["generate", "--out", temp.path("all")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote 4 files in .*all: collections\/adobe-ims\.postman_collection\.json, environments\/oauth-s2s/);
    const expected = generatedFiles();
    for (const [relative, text] of expected) expect(readJson(temp.path("all", relative))).toEqual(JSON.parse(text));
    expect(collectionSchemaErrors(readJson(temp.path("all", "collections", "adobe-ims.postman_collection.json")))).toEqual([]);
    for (const file of readdirSync(temp.path("all", "environments"))) {
      const env = readJson<EnvironmentJson>(temp.path("all", "environments", file));
      expect(environmentRoundTripProblems(env)).toEqual([]);
      // Templates: secrets typed secret and empty.
      for (const value of env.values.filter((entry) => ["CLIENT_SECRET", "PRIVATE_KEY", "ACCESS_TOKEN"].includes(entry.key))) {
        expect(value).toMatchObject({ type: "secret", value: "" });
      }
    }
  });

  it("--flows jwt --name: the JWT request only, the collection named and its file too, the templates of that flow", async () => {
    const result = await runMain(["generate", "-o", temp.path("jwt"), "--flows", "jwt", "--name", "Workshop März"]);
    expect(result.code).toBe(0);
    const collection = readJson<Collection>(temp.path("jwt", "collections", "workshop-marz.postman_collection.json"));
    expect(collection.info.name).toBe("Workshop März");
    expect(collection.item[0]?.item?.map((item) => item.name)).toEqual(["IMS: JWT Generate + Auth via User Token"]);
    expect(collectionSchemaErrors(collection)).toEqual([]);
    expect(readdirSync(temp.path("jwt", "environments")).sort()).toEqual([
      "aem.postman_environment.json",
      "workshop.postman_environment.json",
    ]);
  });

  it("--flows oauth-s2s leaves out the JWT request and the AEM template", async () => {
    const result = await runMain(["generate", "-o", temp.path("s2s"), "--flows", "oauth-s2s"]);
    expect(result.code).toBe(0);
    const collection = readJson<Collection>(temp.path("s2s", "collections", "adobe-ims.postman_collection.json"));
    expect(collection.item[0]?.item?.map((item) => item.name)).toEqual(["IMS: OAuth Server-to-Server Token"]);
    expect(readdirSync(temp.path("s2s", "environments")).sort()).toEqual([
      "oauth-s2s.postman_environment.json",
      "workshop.postman_environment.json",
    ]);
  });

  it.each([
    [["--flows", "jwt,saml"], /^error: ERR_INVALID_OPTION: unknown flow "saml": use oauth-s2s, jwt or both/],
    [["--flows", ","], /^error: ERR_INVALID_OPTION: no flow given/],
    [["--name", " "], /^error: ERR_INVALID_OPTION: the collection's name is empty: give it a name \(--name NAME\)/],
    [["--out"], /^error: ERR_USAGE: Option '-o, --out <value>' argument missing/],
    [["--target", "insomnia"], /^error: ERR_INVALID_OPTION: --target is "insomnia": use postman, postman-v3 or bruno\./],
  ])("refuses %j and writes nothing", async (args, message) => {
    const out = temp.path("refused");
    const result = await runMain(["generate", ...(args.includes("--out") ? args : [...args, "--out", out])]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("--target bruno: the Bruno collection folder, what npm run build commits; again, nothing to write; a changed file needs --force", async () => {
    const out = temp.path("bruno");
    const first = await runMain(["generate", "--target", "bruno", "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    const expected = brunoFiles();
    expect(first.stdout).toMatch(new RegExp(`^wrote ${expected.size} files in .*bruno: adobe-ims/opencollection\\.yml, `));
    for (const [relative, text] of expected) expect(readFileSync(join(out, "adobe-ims", relative), "utf8")).toBe(text);

    const again = await runMain(["generate", "--target", "bruno", "--out", out]);
    expect(again.stdout.trim()).toBe(`wrote 0 files in ${out}; ${expected.size} unchanged`);

    // A user filled in an environment in the file: it is not overwritten without --force.
    const workshop = join(out, "adobe-ims", "environments", "workshop.yml");
    writeFileSync(workshop, readFileSync(workshop, "utf8").replace('"name": "API_KEY"', '"name": "API_KEY", "value": "abc"'));
    const refused = await runMain(["generate", "--target", "bruno", "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: ERR_OUTPUT_EXISTS: .*1 file exists and differs from what generate writes/);
    expect(refused.stderr).toContain(workshop);
    const forced = await runMain(["generate", "--target", "bruno", "--out", out, "--force"]);
    expect(forced.stdout.trim()).toBe(
      `wrote 1 files in ${out}: ${join("adobe-ims", "environments", "workshop.yml")}; ${expected.size - 1} unchanged`,
    );
    expect(readFileSync(workshop, "utf8")).toBe(expected.get(join("environments", "workshop.yml")));
  });
});
