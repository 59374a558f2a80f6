// inject --target bruno on a user's OpenCollection folder: what is added, what is kept byte for byte, idempotence, refusals.

import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { brunoScript } from "../../src/generator/bruno/bruno-collection.js";
import { injectBrunoFolder } from "../../src/inject/bruno/inject-folder.js";
import { tempDir } from "../helpers/cli.js";
import { ACME_BRUNO, ACME_INHERITING, copies, readTree } from "../helpers/realistic-bruno-collection.js";

const temp = tempDir("bruno-inject");
afterAll(() => temp.remove());

/** A fresh copy of the collection (with changes), in its own folder. */
const collection = copies(temp.dir, ACME_BRUNO);

type Script = { type: string; code: string };
const BEGIN = /^\/\/ >>> postman-ims-auth ([\w-]+)/;
const END = /^\/\/ <<< postman-ims-auth (\S+)$/;

/** Our blocks taken out by a reader of the markers written here, independently of the library: [their names, the rest]. */
function split(code: string): { blocks: string[]; rest: string; inside: string[] } {
  const blocks: string[] = [];
  const rest: string[] = [];
  const inside: string[] = [];
  let open: string | undefined;
  for (const line of code.split("\n")) {
    const begin = BEGIN.exec(line);
    if (begin) {
      open = begin[1];
      blocks.push(open!);
    } else if (open !== undefined && END.exec(line)?.[1] === open) open = undefined;
    else (open === undefined ? rest : inside).push(line);
  }
  return { blocks, rest: rest.join("\n"), inside };
}

const scripts = (text: string, at: "request" | "runtime"): Script[] =>
  ((parse(text) as Record<string, { scripts?: Script[] }>)[at]?.scripts ?? []) as Script[];

describe("inject --target bruno", () => {
  const dir = collection();
  const before = readTree(dir);
  const result = injectBrunoFolder({ dir, inPlace: true });
  const after = readTree(dir);

  it("sets the collection's auth to Bearer {{ACCESS_TOKEN}}, warning that its basic auth is replaced", () => {
    const root = parse(after["opencollection.yml"]!) as { request: { auth: unknown } };
    expect(root.request.auth).toEqual({ type: "bearer", token: "{{ACCESS_TOKEN}}" });
    expect(result.warnings[0]).toBe(
      "the collection's own auth (basic) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.",
    );
  });

  it("puts the compiled auto-auth first in the collection's before-request script, the team's code after it", () => {
    const [pre, tests] = scripts(after["opencollection.yml"]!, "request");
    expect(pre?.type).toBe("before-request");
    const { blocks, rest, inside } = split(pre!.code);
    expect(blocks).toEqual(["auto-auth"]);
    expect(inside.join("\n")).toBe(brunoScript("auto-auth"));
    expect(pre!.code.indexOf("// <<< postman-ims-auth auto-auth")).toBeLessThan(pre!.code.indexOf("the team's own"));
    expect(rest).toBe('// the team\'s own pre-request code\nbru.setVar("startedAt", Date.now());');
    // The 401 watcher first in the collection's tests, the team's tests after it.
    const watcher = split(tests!.code);
    expect(watcher.blocks).toEqual(["401-watcher"]);
    expect(watcher.inside.join("\n")).toBe(brunoScript("401-watcher"));
    expect(watcher.rest).toBe(scripts(before["opencollection.yml"]!, "request")[1]!.code);
  });

  it("keeps the rest of opencollection.yml as written: comments, order, quoting, blank lines", () => {
    const lines = (text: string) => text.split("\n").filter((line) => !/^ {8}|^ {4}(type|username|password|token):/.test(line));
    expect(lines(after["opencollection.yml"]!)).toEqual(lines(before["opencollection.yml"]!));
    expect(after["opencollection.yml"]).toContain("# Acme's API: the team keeps this comment\ninfo:");
    expect(after["opencollection.yml"]).toContain("- name: BASE_URL # where the API lives");
  });

  it("watches for 401 in the collection's tests only: the requests that inherit (counted) keep their files", () => {
    const watching = Object.keys(after).filter((path) => after[path]!.includes("// >>> postman-ims-auth 401-watcher"));
    expect(watching).toEqual(["opencollection.yml"]);
    expect(result.watched).toBe(ACME_INHERITING.length);
    for (const path of ACME_INHERITING) expect(after[path]).toBe(before[path]);
  });

  it("takes out the watcher an older inject put at the end of a request's tests, the team's tests kept", () => {
    const older = collection();
    const watcher = `// >>> postman-ims-auth 401-watcher: added by "postman-ims-auth inject"; running inject again replaces this block, do not edit it\nawait 0;\n// <<< postman-ims-auth 401-watcher`;
    const path = join(older, "Users/List users.yml");
    const own = scripts(before["Users/List users.yml"]!, "runtime")[0]!.code;
    writeFileSync(
      path,
      before["Users/List users.yml"]!.replace(
        own.split("\n")[0]!,
        `${watcher.split("\n").join("\n        ")}\n        ${own.split("\n")[0]!}`,
      ),
    );
    expect(readFileSync(path, "utf8")).toContain("401-watcher");
    injectBrunoFolder({ dir: older, inPlace: true });
    expect(scripts(readFileSync(path, "utf8"), "runtime").map(({ code }) => code)).toEqual([own]);
  });

  it("warns about the folder and the request whose own auth keeps the token out, and leaves them alone", () => {
    expect(result.warnings.slice(1)).toEqual([
      'folder "Admin" has its own auth (apikey): its requests do not send the collection\'s token. Set the folder\'s Auth to "Inherit" to use it.',
      'request "Users / Public ping" has No Auth: it does not send the collection\'s token. Set its Auth to "Inherit" to use it.',
    ]);
    for (const path of ["Admin/folder.yml", "Admin/Stats.yml", "Users/Public ping.yml", "Users/folder.yml", "environments/dev.yml", ".env"])
      expect(after[path]).toBe(before[path]);
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
  });

  it("adds the Authenticate folder, marked, with both token requests as generate writes them", () => {
    expect(result.folder).toBe("Authenticate");
    const folder = parse(after["Authenticate/folder.yml"]!) as { info: { name: string; seq: number }; docs: { content: string } };
    expect(folder.info).toEqual({ name: "Authenticate", type: "folder", seq: 1 });
    expect(folder.docs.content).toMatch(/\(Added by postman-ims-auth inject: running inject again replaces this folder\.\)$/);
    const generated = readFileSync(
      join(import.meta.dirname, "../../collections/bruno/adobe-ims/Authenticate/IMS- OAuth Server-to-Server Token.yml"),
      "utf8",
    );
    expect(parse(after["Authenticate/IMS- OAuth Server-to-Server Token.yml"]!)).toEqual(JSON.parse(generated));
    expect(Object.keys(after).filter((path) => path.startsWith("Authenticate/"))).toHaveLength(3);
  });

  it("run again, changes nothing: twice is once, byte for byte", () => {
    const again = injectBrunoFolder({ dir, inPlace: true });
    expect(again.changed.size).toBe(0);
    expect(again.removed).toEqual([]);
    expect(readTree(dir)).toEqual(after);
  });

  it("takes the watcher out of a request that no longer inherits, leaving the file as the team wrote it", () => {
    const path = join(dir, "Users/Get user.yml");
    writeFileSync(path, after["Users/Get user.yml"]!.replace("  auth: inherit\n", ""));
    injectBrunoFolder({ dir, inPlace: true });
    expect(readFileSync(path, "utf8")).toBe(before["Users/Get user.yml"]!.replace("  auth: inherit\n", ""));
  });
});
