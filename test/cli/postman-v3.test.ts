// The Postman v3 format from the command line as a user runs it: generate --target postman-v3 at a repository's root,
// inject DIR on a team's v3 collection folder, verify DIR; output lines, reruns, refusals.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postmanV3Files } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { tempDir } from "../helpers/cli.js";
import { scriptLines } from "../../src/generator/collection/scripts.js";
import { runMain } from "../helpers/cli-in-process.js";
import { copies, readTree } from "../helpers/realistic-bruno-collection.js";
import { ACME_V3 } from "../helpers/realistic-v3-collection.js";

const temp = tempDir("cli-postman-v3");
afterAll(() => temp.remove());
const acme = copies(temp.dir, ACME_V3);

describe("generate --target postman-v3", () => {
  it("writes postman/collections/adobe-ims/ and postman/environments/ under --out; again, nothing to write; a filled-in environment needs --force", async () => {
    const repo = temp.path("repo");
    const first = await runMain(["generate", "--target", "postman-v3", "--out", repo]);
    expect(first.code, first.stderr).toBe(0);
    const expected = postmanV3Files();
    expect(first.stdout).toMatch(
      new RegExp(`^wrote ${expected.size} files in .*repo: postman/collections/adobe-ims/\\.resources/definition\\.yaml, `),
    );
    for (const [path, text] of expected) expect(readFileSync(join(repo, path), "utf8")).toBe(text);

    const again = await runMain(["generate", "--target", "postman-v3", "--out", repo]);
    expect(again.stdout.trim()).toBe(`wrote 0 files in ${repo}; ${expected.size} unchanged`);

    const environment = join(repo, "postman/environments/oauth-s2s.environment.yaml");
    writeFileSync(environment, readFileSync(environment, "utf8").replace("key: API_KEY\n    value: ''", "key: API_KEY\n    value: abc"));
    const refused = await runMain(["generate", "--target", "postman-v3", "--out", repo]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: ERR_OUTPUT_EXISTS: .*1 file exists and differs from what generate writes/);
    expect(readFileSync(environment, "utf8")).toContain("value: abc");
    const forced = await runMain(["generate", "--target", "postman-v3", "--out", repo, "--force"]);
    expect(forced.stdout.trim()).toBe(
      `wrote 1 files in ${repo}: postman/environments/oauth-s2s.environment.yaml; ${expected.size - 1} unchanged`,
    );
  });

  it("--flows jwt --name: the folder named after the collection, the JWT request only, the templates of that flow", async () => {
    const repo = temp.path("named");
    const result = await runMain(["generate", "--target", "postman-v3", "--out", repo, "--flows", "jwt", "--name", "AEM Workshop"]);
    expect(result.code, result.stderr).toBe(0);
    const tree = readTree(repo);
    expect(Object.keys(tree).filter((path) => path.includes("Authenticate/") && path.endsWith(".request.yaml"))).toEqual([
      "postman/collections/aem-workshop/Authenticate/IMS- JWT Generate + Auth via User Token.request.yaml",
    ]);
    expect(tree["postman/collections/aem-workshop/.resources/definition.yaml"]).toContain("\nname: AEM Workshop\n");
    expect(Object.keys(tree).filter((path) => path.startsWith("postman/environments/"))).toEqual([
      "postman/environments/aem.environment.yaml",
      "postman/environments/workshop.environment.yaml",
    ]);
  });
});

describe("inject and verify on a v3 collection folder", () => {
  it("inject DIR --in-place: our parts, the warnings on stderr; a second run changes nothing; verify DIR matches", async () => {
    const dir = acme();
    const first = await runMain(["inject", dir, "--in-place"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      // The collection's definition and our folder's three files: the watcher is the collection's, no request changes.
      `wrote 4 files in ${dir}: Bearer auth, auto-auth script, 401 watcher and Authenticate folder; 3 requests use the collection's token; 3 warnings above\n`,
    );
    expect(first.stderr.trimEnd().split("\n")).toHaveLength(3);
    const tree = readTree(dir);
    const second = await runMain(["inject", dir, "--in-place"]);
    expect([second.code, second.stdout]).toEqual([
      0,
      `nothing to change in ${dir}: Bearer auth, auto-auth script, 401 watcher and Authenticate folder; 3 requests use the collection's token; 2 warnings above\n`,
    ]);
    expect(readTree(dir)).toEqual(tree);

    const verified = await runMain(["verify", dir]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(
        `^${dir}: 6 script\\(s\\) of postman-ims-auth: 6 match postman-ims-auth \\S+; \\d+ part\\(s\\) not ours \\(not checked\\)$`,
      ),
    );
  });

  it("inject DIR -o COPY: a copy with our parts, the team's folder untouched; into a folder holding files only with --force", async () => {
    const dir = acme();
    const out = temp.path("acme-ims");
    const result = await runMain(["inject", dir, "-o", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^wrote a copy of .* in .*acme-ims \(4 files ours or changed\): /);
    expect(readTree(dir)).toEqual(ACME_V3);
    const again = await runMain(["inject", dir, "-o", out]);
    expect([again.code, again.stderr]).toEqual([
      1,
      `error: ERR_OUTPUT_EXISTS: ${out} already holds files; nothing was written. Choose a new or empty folder, or write over its files with force (--force).\n`,
    ]);
  });

  it("verify DIR on an edited script: changed, with the first difference, exit 1", async () => {
    const dir = acme();
    await runMain(["inject", dir, "--in-place"]);
    // The 401 watcher, the collection's after-response script (the definition's second "use strict").
    const file = join(dir, ".resources/definition.yaml");
    const text = readFileSync(file, "utf8");
    const at = text.indexOf('"use strict";', text.indexOf("// >>> postman-ims-auth 401-watcher"));
    writeFileSync(file, `${text.slice(0, at)}"use strict";console.log(1);${text.slice(at + '"use strict";'.length)}`);
    const result = await runMain(["verify", dir]);
    expect(result.code).toBe(1);
    // Lines count from inject's marker line (// >>> postman-ims-auth 401-watcher), then the script's header comment.
    const line = scriptLines("401-watcher").findIndex((codeLine) => codeLine.startsWith("!function")) + 2;
    expect(line).toBeGreaterThan(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^changed +401-watcher +collection test script: changed since built: line ${line}, column 30: it has "!function\\(\\)\\{\\\\"use strict\\\\";console\\.log\\(1\\);`,
        "m",
      ),
    );
  });

  it("the generated folder verifies; a Bruno folder and a repository's root are refused by name", async () => {
    const repo = temp.path("verify-repo");
    await runMain(["generate", "--target", "postman-v3", "--out", repo]);
    const generated = await runMain(["verify", join(repo, "postman/collections/adobe-ims")]);
    expect(generated.code, generated.stdout).toBe(0);
    const root = await runMain(["inject", repo, "--in-place"]);
    expect([root.code, root.stderr]).toEqual([
      1,
      `error: ERR_INPUT_FILE: ${repo} holds collections, not one: name one collection's folder (${join(repo, "postman/collections/adobe-ims")}).\n`,
    ]);
  });
});
