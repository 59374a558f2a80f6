// inject on a team's Postman v3 collection folder: our parts in (collection scripts first and marked: auto-auth and the
// 401 watcher; auth; the Authenticate folder as v3 files), every other byte kept, idempotent, and refusals with codes.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scriptLines } from "../../src/generator/collection/scripts.js";
import { postmanV3Files } from "../../src/generator/postman-v3/postman-v3-collection.js";
import { scriptBlock, withoutBlocks } from "../../src/inject/script-blocks.js";
import { injectV3Folder } from "../../src/inject/postman-v3/inject-v3-folder.js";
import { planV3Injection } from "../../src/inject/postman-v3/plan.js";
import { verifyFile } from "../../src/verify/verify-files.js";
import { tempDir } from "../helpers/cli.js";
import { copies, readTree, writeTree } from "../helpers/realistic-bruno-collection.js";
import { ACME_V3, ACME_V3_WATCHED } from "../helpers/realistic-v3-collection.js";
import { v3SchemaErrors } from "../helpers/schema.js";

const temp = tempDir("v3-inject");
afterAll(() => temp.remove());
const acme = copies(temp.dir, ACME_V3);

type Json = Record<string, unknown>;
const ROOT = ".resources/definition.yaml";
const OURS = [
  "Authenticate/.resources/definition.yaml",
  "Authenticate/IMS- OAuth Server-to-Server Token.request.yaml",
  "Authenticate/IMS- JWT Generate + Auth via User Token.request.yaml",
];

/** A file's value with our blocks taken out of its scripts, and scripts left empty by that removed: what the team wrote. */
function withoutOurs(text: string): Json {
  const value = parse(text) as Json;
  const scripts = ((value.scripts ?? []) as Json[])
    .map((entry) => ({ ...entry, code: withoutBlocks(String(entry.code).split("\n"), "test").exec.join("\n") }))
    .filter((entry) => entry.code !== "");
  const { scripts: _scripts, ...rest } = value;
  return scripts.length > 0 ? { ...rest, scripts } : rest;
}

describe("inject on a v3 collection folder", () => {
  it("changes the collection's definition alone and adds our folder; every other file byte for byte as it was", () => {
    const dir = acme();
    const result = injectV3Folder({ dir, inPlace: true });
    // The 401 watcher is the collection's test script: no request file changes, though three use the collection's token.
    expect([...result.changed.keys()].sort()).toEqual([ROOT, ...OURS].sort());
    expect(result.removed).toEqual([]);
    expect(result.watched).toBe(3);
    const after = readTree(dir);
    for (const [path, text] of Object.entries(ACME_V3)) if (!result.changed.has(path)) expect(after[path], path).toBe(text);
  });

  it("keeps what the team wrote in the files it changes: their scripts, comments, keys and order; only our blocks and the auth are new", () => {
    const dir = acme();
    injectV3Folder({ dir, inPlace: true });
    const after = readTree(dir);
    const { auth, ...root } = withoutOurs(after[ROOT]!);
    const { auth: _theirs, ...theirRoot } = parse(ACME_V3[ROOT]!) as Json;
    expect(root).toEqual(theirRoot);
    expect(auth).toEqual([{ id: expect.any(String), type: "bearer", name: "bearer auth", credentials: { token: "{{ACCESS_TOKEN}}" } }]);
    expect(after[ROOT]).toContain("# Acme's API: the team keeps this comment\n");
    expect(after["Users/List users.request.yaml"]).toContain("# the team's main call\n");
  });

  it("puts our auto-auth first in the collection's before-request script and the 401 watcher first in its after-response script, marked, the team's code after them; no watcher in any request", () => {
    const dir = acme();
    injectV3Folder({ dir, inPlace: true });
    const root = parse(readFileSync(join(dir, ROOT), "utf8")) as { scripts: { type: string; code: string }[] };
    const before = root.scripts.find((entry) => entry.type === "http:beforeRequest")!.code.split("\n");
    const autoAuth = scriptLines("auto-auth");
    expect(before[0]).toMatch(/^\/\/ >>> postman-ims-auth auto-auth: added by "postman-ims-auth inject"/);
    expect(before.slice(1, 1 + autoAuth.length)).toEqual(autoAuth);
    expect(before.slice(1 + autoAuth.length)).toEqual([
      "// <<< postman-ims-auth auto-auth",
      "// the team's own pre-request code",
      'pm.variables.set("startedAt", Date.now());',
    ]);
    const after = root.scripts.filter((entry) => entry.type === "http:afterResponse");
    expect(after).toHaveLength(1);
    const watcher = scriptLines("401-watcher");
    const lines = after[0]!.code.split("\n");
    expect(lines[0]).toMatch(/^\/\/ >>> postman-ims-auth 401-watcher: added by "postman-ims-auth inject"/);
    expect(lines.slice(1, 1 + watcher.length)).toEqual(watcher);
    expect(lines.slice(1 + watcher.length)).toEqual([
      "// <<< postman-ims-auth 401-watcher",
      'pm.test("answers", function () {',
      "  pm.expect(pm.response.code).to.be.below(500);",
      "});",
    ]);
    for (const [path, text] of Object.entries(readTree(dir)))
      if (path.endsWith(".request.yaml")) expect(text, path).not.toContain("401-watcher");
  });

  it("a folder an older inject gave a watcher in every watched request: the next inject takes them out, the requests' own scripts stay as the team wrote them", () => {
    const watcher = scriptBlock("401-watcher", scriptLines("401-watcher"))
      .map((line) => `      ${line}`.trimEnd())
      .join("\n");
    const older = acme({
      // The team's test, then our block appended, as older injects wrote it.
      "Users/List users.request.yaml": ACME_V3["Users/List users.request.yaml"]!.replace(
        "        pm.response.to.have.status(200);\n      });\n",
        `        pm.response.to.have.status(200);\n      });\n${watcher}\n`,
      ),
      // Our block alone, in a scripts list of its own.
      "Users/Get user.request.yaml": ACME_V3["Users/Get user.request.yaml"]!.replace(
        "order: 2000\n",
        `scripts:\n  - type: afterResponse\n    code: |-\n${watcher}\n    language: text/javascript\norder: 2000\n`,
      ),
    });
    expect(readFileSync(join(older, "Users/Get user.request.yaml"), "utf8")).toContain("401-watcher");
    const result = injectV3Folder({ dir: older, inPlace: true });
    expect([...result.changed.keys()].sort()).toEqual(
      [ROOT, ...OURS, "Users/Get user.request.yaml", "Users/List users.request.yaml"].sort(),
    );
    const after = readTree(older);
    for (const path of ACME_V3_WATCHED) expect(after[path], path).toBe(ACME_V3[path]);
  });

  it("says what does not send the token: the replaced collection auth, a folder's own auth, a request's own", () => {
    const result = injectV3Folder({ dir: acme(), inPlace: true });
    expect(result.warnings).toEqual([
      "the collection's own auth (basic) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.",
      expect.stringMatching(/^folder "Admin" has its own auth \(apikey\): its 1 request do not send the collection's token\./),
      expect.stringMatching(/^request "Public ping" has its own auth \(noauth\): it does not send the collection's token\./),
    ]);
  });

  it("is idempotent: a second run changes nothing; other flows swap the Authenticate requests and remove the other one's file", () => {
    const dir = acme();
    injectV3Folder({ dir, inPlace: true });
    const once = readTree(dir);
    const again = injectV3Folder({ dir, inPlace: true });
    expect([again.changed.size, again.removed]).toEqual([0, []]);
    expect(readTree(dir)).toEqual(once);
    const jwt = injectV3Folder({ dir, inPlace: true, flows: ["jwt"] });
    expect(jwt.removed).toEqual(["Authenticate/IMS- OAuth Server-to-Server Token.request.yaml"]);
    expect(existsSync(join(dir, OURS[1]!))).toBe(false);
    injectV3Folder({ dir, inPlace: true });
    expect(readTree(dir)).toEqual(once);
  });

  it("writes v3 files that pass our structural check, and verify finds our scripts byte for byte", () => {
    const dir = acme();
    injectV3Folder({ dir, inPlace: true });
    // The GraphQL request is the team's and another schema's: left out.
    for (const [path, text] of Object.entries(readTree(dir))) {
      const value = parse(text) as Json;
      if (value.$kind === "http-request" || path.endsWith("definition.yaml")) expect(v3SchemaErrors(path, value), path).toEqual([]);
    }
    const report = verifyFile(dir);
    expect(report.ok, report.text).toBe(true);
    expect(report.verdicts.filter((verdict) => verdict.status === "matches").map((verdict) => verdict.name)).toEqual([
      "auto-auth",
      "401-watcher",
      "s2s-exchange",
      "token-response",
      "jwt-exchange",
      "token-response",
    ]);
  });

  it("a -o copy: the collection untouched, the copy injected, the team's other files (an example, a README) copied", () => {
    const dir = acme();
    const out = temp.path("acme-copy");
    const result = injectV3Folder({ dir, out });
    expect(result.dir).toBe(out);
    expect(readTree(dir)).toEqual(ACME_V3);
    const copy = readTree(out);
    expect(copy["README.md"]).toBe(ACME_V3["README.md"]);
    expect(copy["Users/.resources/List users.resources/examples/200 OK.example.yaml"]).toBe(
      ACME_V3["Users/.resources/List users.resources/examples/200 OK.example.yaml"],
    );
    expect(copy[ROOT]).toContain("postman-ims-auth auto-auth");
  });

  it("a team folder named Authenticate stays theirs: ours is Authenticate (Adobe IMS), named Authenticate inside, first by order", () => {
    const dir = acme({
      "Authenticate/.resources/definition.yaml": "$kind: collection\norder: 500\n",
      "Authenticate/Login.request.yaml": "$kind: http-request\nurl: https://login.acme.test\nmethod: POST\norder: 1000\n",
    });
    const result = injectV3Folder({ dir, inPlace: true });
    expect(result.folder).toBe("Authenticate (Adobe IMS)");
    const definition = parse(readFileSync(join(dir, "Authenticate (Adobe IMS)", ROOT), "utf8")) as Json;
    expect([definition.name, definition.order]).toEqual(["Authenticate", -500]);
    expect(readFileSync(join(dir, "Authenticate/Login.request.yaml"), "utf8")).toContain("url: https://login.acme.test");
  });

  it("a collection without a definition (it is optional) gets one; a single-object auth keeps its form when replaced", () => {
    const bare = acme({ [ROOT]: "" });
    writeFileSync(join(bare, ROOT), "");
    const { [ROOT]: _root, ...rest } = ACME_V3;
    const dir = temp.path("no-definition");
    writeTree(dir, rest);
    injectV3Folder({ dir, inPlace: true });
    const made = parse(readFileSync(join(dir, ROOT), "utf8")) as Json;
    expect(made.$kind).toBe("collection");
    expect((made.scripts as Json[]).map((entry) => entry.type)).toEqual(["http:beforeRequest", "http:afterResponse"]);

    const single = acme({ [ROOT]: "$kind: collection\nauth:\n  type: apikey\n  credentials:\n    - key: key\n      value: X-Key\n" });
    injectV3Folder({ dir: single, inPlace: true });
    expect((parse(readFileSync(join(single, ROOT), "utf8")) as Json).auth).toEqual({
      type: "bearer",
      credentials: [{ key: "token", value: "{{ACCESS_TOKEN}}" }],
    });
  });
});

describe("inject refuses a v3 folder it does not understand, with a coded error and nothing written", () => {
  const refused = (changes: Record<string, string>, code: string, message: RegExp) => {
    const dir = acme(changes);
    const before = readTree(dir);
    expect(() => injectV3Folder({ dir, inPlace: true })).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
    expect(readTree(dir)).toEqual(before);
  };

  it("a file that is not YAML: its path and line", () => {
    refused(
      { "Users/Get user.request.yaml": "$kind: http-request\nurl: [unclosed\n" },
      "ERR_INPUT_FILE",
      /Get user\.request\.yaml:\d+ is not valid YAML/,
    );
  });

  it("a definition of another $kind", () => {
    refused(
      { "Users/.resources/definition.yaml": "$kind: folder\n" },
      "ERR_INPUT_FILE",
      /has \$kind "folder", where a collection's or folder's definition has \$kind: collection/,
    );
  });

  it("several auth configurations (multi-auth) at the collection", () => {
    const two =
      "$kind: collection\nauth:\n  - id: a\n    type: basic\n    credentials: {}\n  - id: b\n    type: bearer\n    credentials: {}\n";
    refused({ [ROOT]: two }, "ERR_INPUT_FILE", /holds 2 auth configurations .*Keep one \(or none\) in Postman, then inject again/);
  });

  it("a block of ours whose closing marker was deleted by hand", () => {
    const open =
      '$kind: collection\nscripts:\n  - type: http:beforeRequest\n    code: |-\n      // >>> postman-ims-auth auto-auth: added by "postman-ims-auth inject"\n      mine();\n';
    refused({ [ROOT]: open }, "ERR_INPUT_FILE", /block that starts on line 1 of the script has no closing/);
  });

  it("the folder generate --target postman-v3 writes: it has our authentication already", () => {
    const dir = temp.path("generated");
    for (const [path, text] of postmanV3Files()) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(() => injectV3Folder({ dir: join(dir, "postman/collections/adobe-ims"), inPlace: true })).toThrow(
      expect.objectContaining({
        code: "ERR_INPUT_FILE",
        message: expect.stringMatching(/was written by generate --target postman-v3 .*nothing to inject/),
      }),
    );
    for (const holder of [dir, join(dir, "postman/collections")]) {
      expect(() => injectV3Folder({ dir: holder, inPlace: true })).toThrow(
        expect.objectContaining({
          code: "ERR_INPUT_FILE",
          message: expect.stringMatching(/holds collections, not one: name one collection's folder \(.*adobe-ims\)/),
        }),
      );
    }
  });

  it("a folder with no definition and no request file; a file", () => {
    const notes = temp.path("notes");
    writeTree(notes, { "notes.md": "# notes\n" });
    expect(() => injectV3Folder({ dir: notes, inPlace: true })).toThrow(
      expect.objectContaining({
        code: "ERR_INPUT_FILE",
        message: expect.stringMatching(/is not a Postman v3 collection folder: it has no \.resources\/definition\.yaml/),
      }),
    );
    expect(() => planV3Injection(join(notes, "notes.md"))).toThrow();
  });
});
