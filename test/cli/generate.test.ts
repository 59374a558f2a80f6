// `generate` as a user runs it: the files written, their validity, the flow and name options, and refusals.

import { existsSync, readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generator/files/write.js";
import { environmentRoundTripProblems, readJson, runCli, tempDir, type EnvironmentJson } from "../helpers/cli.js";
import { collectionSchemaErrors } from "../helpers/schema.js";

const temp = tempDir("cli-generate");
afterAll(() => temp.remove());

type Collection = { info: { name: string }; item: Array<{ name: string; item?: Array<{ name: string }> }> };

describe("generate", () => {
  it("writes what npm run build commits, into the directory given", async () => {
    const result = await runCli(["generate", "--out", temp.path("all")]);
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
    const result = await runCli(["generate", "-o", temp.path("jwt"), "--flows", "jwt", "--name", "Workshop März"]);
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
    const result = await runCli(["generate", "-o", temp.path("s2s"), "--flows", "oauth-s2s"]);
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
  ])("refuses %j and writes nothing", async (args, message) => {
    const out = temp.path("refused");
    const result = await runCli(["generate", ...(args.includes("--out") ? args : [...args, "--out", out])]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
