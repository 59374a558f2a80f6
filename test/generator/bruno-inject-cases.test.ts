// inject --target bruno: --flows, a folder of the user's named Authenticate, a minimal collection, copies, and the refusals.

import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ImsAuthError } from "../../src/core/errors.js";
import { injectBrunoFolder } from "../../src/inject/bruno/inject-folder.js";
import { tempDir } from "../helpers/cli.js";
import { ACME_BRUNO, copies, readTree, writeTree } from "../helpers/realistic-bruno-collection.js";

const temp = tempDir("bruno-inject-cases");
afterAll(() => temp.remove());

/** A fresh copy of the collection (with changes), in its own folder. */
const collection = copies(temp.dir, ACME_BRUNO);

function refusal(run: () => unknown): ImsAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImsAuthError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const names = (dir: string, folder: string) =>
  Object.keys(readTree(dir))
    .filter((path) => path.startsWith(`${folder}/`))
    .sort();

describe("inject --target bruno, cases", () => {
  it("--flows chooses the token requests; a rerun with other flows removes the request it no longer writes", () => {
    const dir = collection();
    injectBrunoFolder({ dir, inPlace: true, flows: ["jwt"] });
    expect(names(dir, "Authenticate")).toEqual(["Authenticate/IMS- JWT Generate + Auth via User Token.yml", "Authenticate/folder.yml"]);
    const second = injectBrunoFolder({ dir, inPlace: true, flows: ["oauth-s2s"] });
    expect(second.removed).toEqual(["Authenticate/IMS- JWT Generate + Auth via User Token.yml"]);
    expect(names(dir, "Authenticate")).toEqual(["Authenticate/IMS- OAuth Server-to-Server Token.yml", "Authenticate/folder.yml"]);
  });

  it("leaves a folder of the user's named Authenticate alone, and finds its own folder again on a rerun", () => {
    const own = {
      "Authenticate/folder.yml": "info:\n  name: Authenticate\n  seq: 3\n",
      "Authenticate/Login.yml": ACME_BRUNO["Admin/Stats.yml"]!,
    };
    const dir = collection(own);
    const first = injectBrunoFolder({ dir, inPlace: true });
    expect(first.folder).toBe("Authenticate (Adobe IMS)");
    expect(readFileSync(join(dir, "Authenticate/folder.yml"), "utf8")).toBe(own["Authenticate/folder.yml"]);
    expect(readFileSync(join(dir, "Authenticate/Login.yml"), "utf8")).toBe(own["Authenticate/Login.yml"]);
    const tree = readTree(dir);
    expect(parse(tree["Authenticate (Adobe IMS)/folder.yml"]!).info.name).toBe("Authenticate (Adobe IMS)");
    const again = injectBrunoFolder({ dir, inPlace: true });
    expect(again.folder).toBe("Authenticate (Adobe IMS)");
    expect(readTree(dir)).toEqual(tree);
  });

  it("adds request: to a collection that has none, before docs, as a new collection of the Bruno app is", () => {
    const dir = collection({ "opencollection.yml": "opencollection: 1.0.0\n\ninfo:\n  name: New\n\ndocs: A new one.\n\nbundled: false\n" });
    const result = injectBrunoFolder({ dir, inPlace: true });
    expect(result.warnings.some((warning) => warning.startsWith("the collection's own auth"))).toBe(false);
    const text = readFileSync(join(dir, "opencollection.yml"), "utf8");
    expect(Object.keys(parse(text) as object)).toEqual(["opencollection", "info", "request", "docs", "bundled"]);
    expect(text.startsWith("opencollection: 1.0.0\n\ninfo:\n  name: New\n\nrequest:\n  auth:\n    type: bearer\n")).toBe(true);
  });

  it("writes into flow collections ({…}, […]) as blocks, since a literal script cannot sit in one; the rest stays flow", () => {
    const dir = collection({
      "opencollection.yml":
        'opencollection: 1.0.0\ninfo:\n  name: Flow\nrequest: {auth: {type: none}, scripts: [{type: before-request, code: "own();"}]}\n',
      "Users/Get user.yml":
        'info: {name: Get user, type: http, seq: 2}\nhttp: {method: GET, url: "https://x.test", auth: inherit}\nruntime: {scripts: []}\n',
    });
    injectBrunoFolder({ dir, inPlace: true });
    const root = readFileSync(join(dir, "opencollection.yml"), "utf8");
    expect(root).toMatch(
      /^request:\n {2}auth:\n {4}type: bearer\n {4}token: "\{\{ACCESS_TOKEN\}\}"\n {2}scripts:\n {4}- type: before-request\n {6}code: \|-\n/m,
    );
    expect(parse(root).request.scripts[0].code).toMatch(/\n\/\/ <<< postman-ims-auth auto-auth\nown\(\);$/);
    expect(parse(root).request.scripts[1].type).toBe("tests");
    expect(parse(root).request.scripts[1].code).toMatch(/^\/\/ >>> postman-ims-auth 401-watcher/);
    // The request is not ours to change: the collection watches for 401.
    expect(readFileSync(join(dir, "Users/Get user.yml"), "utf8")).toBe(
      'info: {name: Get user, type: http, seq: 2}\nhttp: {method: GET, url: "https://x.test", auth: inherit}\nruntime: {scripts: []}\n',
    );
    expect(injectBrunoFolder({ dir, inPlace: true }).changed.size).toBe(0);
  });

  it("keeps a hand-written file's layout: four-space indent, CRLF, no final newline; list items level with their key", () => {
    const crlf = [
      "opencollection: 1.0.0",
      "info:",
      "    name: Acme",
      "request:",
      "    auth: inherit",
      "    scripts:",
      "        - type: tests",
      "          code: |-",
      '              test("ok", function () {});',
    ].join("\r\n");
    const dir = collection({ "opencollection.yml": crlf });
    injectBrunoFolder({ dir, inPlace: true });
    const text = readFileSync(join(dir, "opencollection.yml"), "utf8");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text.endsWith("\r\n              // <<< postman-ims-auth auto-auth")).toBe(true);
    const tests = text.slice(text.indexOf("    scripts:\r\n"), text.indexOf("        - type: before-request"));
    expect(
      tests.startsWith("    scripts:\r\n        - type: tests\r\n          code: |-\r\n              // >>> postman-ims-auth 401-watcher"),
    ).toBe(true);
    expect(tests.endsWith('\r\n              // <<< postman-ims-auth 401-watcher\r\n              test("ok", function () {});\r\n')).toBe(
      true,
    );
    const level =
      'opencollection: 1.0.0\ninfo:\n  name: Acme\nrequest:\n  auth: inherit\n  scripts:\n  - type: tests\n    code: |-\n      test("ok", function () {});\n';
    const listed = collection({ "opencollection.yml": level });
    injectBrunoFolder({ dir: listed, inPlace: true });
    expect(readFileSync(join(listed, "opencollection.yml"), "utf8")).toContain(
      "  scripts:\n  - type: tests\n    code: |-\n      // >>> postman-ims-auth 401-watcher",
    );
  });

  it("-o DIR writes a whole copy (modes kept), the collection untouched; an existing folder with files needs --force", () => {
    const dir = collection();
    const before = readTree(dir);
    const out = temp.path("copy");
    const result = injectBrunoFolder({ dir, out });
    expect(result.dir).toBe(out);
    expect(readTree(dir)).toEqual(before);
    const copy = readTree(out);
    expect(Object.keys(copy).filter((path) => !path.startsWith("Authenticate/"))).toEqual(Object.keys(before));
    expect(copy["environments/dev.yml"]).toBe(before["environments/dev.yml"]);
    expect(statSync(join(out, ".env")).mode & 0o777).toBe(0o600);
    const again = refusal(() => injectBrunoFolder({ dir, out }));
    expect(again.code).toBe("ERR_OUTPUT_EXISTS");
    expect(again.message).toMatch(/already holds files; nothing was written\. .*--force/);
    expect(() => injectBrunoFolder({ dir, out, force: true })).not.toThrow();
    expect(readTree(out)).toEqual(copy);
  });

  it("refuses what is not a collection folder, naming what is missing", () => {
    expect(refusal(() => injectBrunoFolder({ dir: temp.path("none"), inPlace: true })).message).toMatch(/does not exist: check the path/);
    const empty = temp.path("empty");
    writeTree(empty, { "notes.txt": "x" });
    const error = refusal(() => injectBrunoFolder({ dir: empty, inPlace: true }));
    expect([error.code, error.message]).toEqual([
      "ERR_INPUT_FILE",
      `${empty} is not a Bruno collection folder: it has no opencollection.yml (nor bruno.json, in the older .bru format). Name the folder you open in Bruno (Open Collection).`,
    ]);
  });

  it("refuses a collection that generate wrote: it has our authentication already", () => {
    const dir = temp.path("generated");
    cpSync(join(import.meta.dirname, "../../collections/bruno/adobe-ims"), dir, { recursive: true });
    const before = readTree(dir);
    const error = refusal(() => injectBrunoFolder({ dir, inPlace: true }));
    expect([error.code, error.message]).toEqual([
      "ERR_INPUT_FILE",
      `${dir} was written by generate --target bruno and has Adobe IMS authentication already: nothing to inject. ` +
        "To bring its scripts up to date, run generate --target bruno again (--force replaces its files).",
    ]);
    expect(readTree(dir)).toEqual(before);
  });

  it("a request that is not valid YAML stops it before anything is written, naming the file and line", () => {
    const dir = collection({ "Users/Broken.yml": "info:\n  name: Broken\n  type: http\nhttp: [unclosed\n" });
    const before = readTree(dir);
    const error = refusal(() => injectBrunoFolder({ dir, inPlace: true }));
    expect(error.code).toBe("ERR_INPUT_FILE");
    expect(error.message).toMatch(/^Users\/Broken\.yml:\d+ is not valid YAML \(/);
    expect(readTree(dir)).toEqual(before);
    expect(existsSync(join(dir, "Authenticate"))).toBe(false);
  });

  it("a block of ours whose closing marker was deleted is refused rather than guessed at", () => {
    const dir = collection();
    injectBrunoFolder({ dir, inPlace: true });
    const path = join(dir, "opencollection.yml");
    writeFileSync(path, readFileSync(path, "utf8").replace("// <<< postman-ims-auth auto-auth\n", ""));
    const error = refusal(() => injectBrunoFolder({ dir, inPlace: true }));
    expect(error.code).toBe("ERR_INPUT_FILE");
    expect(error.message).toContain('has no closing "// <<< postman-ims-auth auto-auth" line');
  });

  it("refuses options that do not go together", () => {
    const dir = collection();
    const cases: Array<[Parameters<typeof injectBrunoFolder>[0], RegExp]> = [
      [{ dir }, /^say where to write/],
      [{ dir, inPlace: true, out: temp.path("x") }, /not both/],
      [{ dir, inPlace: true, force: true }, /in-place always changes the collection/],
      [{ dir, out: dir }, /the output folder is the collection/],
      [{ dir, out: join(dir, "copy") }, /is inside the collection/],
    ];
    for (const [request, message] of cases) {
      const error = refusal(() => injectBrunoFolder(request));
      expect([error.code, message.test(error.message)]).toEqual(["ERR_INVALID_OPTION", true]);
    }
  });
});
