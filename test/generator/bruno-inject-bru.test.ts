// inject --target bruno on a collection in the older .bru format: blocks changed in place, every other line kept, idempotence.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { brunoScript } from "../../src/generator/bruno/bruno-collection.js";
import { injectBrunoFolder } from "../../src/inject/bruno/inject-folder.js";
import { tempDir } from "../helpers/cli.js";
import { ACME_BRU, copies, readTree } from "../helpers/realistic-bruno-collection.js";

const temp = tempDir("bruno-inject-bru");
afterAll(() => temp.remove());

/** A fresh copy of the collection (with changes), in its own folder. */
const collection = copies(temp.dir, ACME_BRU);

/** A block's text, outdented, read here from the file as Bruno's grammar reads it: from `name {` to the first `}` line. */
function block(text: string, name: string): string | undefined {
  const lines = text.split("\n");
  const start = lines.indexOf(`${name} {`);
  if (start < 0) return undefined;
  const end = lines.indexOf("}", start);
  return lines
    .slice(start + 1, end)
    .map((line) => line.replace(/^ {2}/, ""))
    .join("\n");
}

const ours = (name: string, code: string) =>
  `// >>> postman-ims-auth ${name}: added by "postman-ims-auth inject"; running inject again replaces this block, do not edit it\n${code}\n// <<< postman-ims-auth ${name}`;

describe("inject --target bruno, the .bru format", () => {
  const dir = collection();
  const before = readTree(dir);
  const result = injectBrunoFolder({ dir, inPlace: true });
  const after = readTree(dir);

  it("sets collection.bru's auth to bearer {{ACCESS_TOKEN}}, with the same warning as for YAML", () => {
    expect(block(after["collection.bru"]!, "auth")).toBe("mode: bearer");
    expect(block(after["collection.bru"]!, "auth:bearer")).toBe("token: {{ACCESS_TOKEN}}");
    expect(result.warnings[0]).toMatch(/^the collection's own auth \(basic\) is replaced by Bearer \{\{ACCESS_TOKEN\}\}/);
  });

  it("puts auto-auth first in the pre-request script, the team's code after it; every other line as it was", () => {
    const own = block(before["collection.bru"]!, "script:pre-request")!;
    expect(block(after["collection.bru"]!, "script:pre-request")).toBe(`${ours("auto-auth", brunoScript("auto-auth"))}\n${own}`);
    const rest = (text: string) =>
      text
        .replace(/script:pre-request \{\n[\s\S]*?\n\}\n/, "")
        .replace(/tests \{\n[\s\S]*?\n\}\n/, "")
        .replace(/auth:bearer \{\n.*\n\}\n\n/, "")
        .replace("mode: basic", "mode: bearer");
    expect(rest(after["collection.bru"]!)).toBe(rest(before["collection.bru"]!));
  });

  it("puts the 401 watcher first in collection.bru's tests; requests keep their files; warns about those that do not inherit", () => {
    const watcher = ours("401-watcher", brunoScript("401-watcher"));
    const own = block(before["collection.bru"]!, "tests");
    expect(block(after["collection.bru"]!, "tests")).toBe(own === undefined ? watcher : `${watcher}\n${own}`);
    for (const path of ["Users/List users.bru", "Users/Get user.bru"]) expect(after[path]).toBe(before[path]);
    expect(result.watched).toBe(2);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[1]).toMatch(/^folder "Admin" has its own auth \(apikey\): its requests do not send/);
    expect(result.warnings[2]).toMatch(/^request "Users \/ Public ping" has No Auth: it does not send/);
    for (const path of ["Admin/folder.bru", "Admin/Stats.bru", "Users/Public ping.bru", "bruno.json", "environments/dev.bru"])
      expect(after[path]).toBe(before[path]);
  });

  it("writes the Authenticate folder as .bru files, scripts as generate writes them", () => {
    expect(Object.keys(after).filter((path) => path.startsWith("Authenticate/"))).toEqual([
      "Authenticate/IMS- JWT Generate + Auth via User Token.bru",
      "Authenticate/IMS- OAuth Server-to-Server Token.bru",
      "Authenticate/folder.bru",
    ]);
    const s2s = after["Authenticate/IMS- OAuth Server-to-Server Token.bru"]!;
    expect(block(s2s, "post")).toBe("url: https://{{IMS}}/ims/token/v3\nbody: formUrlEncoded\nauth: none");
    expect(block(s2s, "script:pre-request")).toBe(brunoScript("s2s-exchange"));
    expect(block(s2s, "tests")).toBe(brunoScript("token-response"));
    expect(block(after["Authenticate/folder.bru"]!, "docs")).toMatch(
      /\(Added by postman-ims-auth inject: running inject again replaces this folder\.\)$/,
    );
  });

  it("run again, changes nothing; a request that stops inheriting gets back the file the team wrote", () => {
    expect(injectBrunoFolder({ dir, inPlace: true }).changed.size).toBe(0);
    expect(readTree(dir)).toEqual(after);
    const path = join(dir, "Users/Get user.bru");
    writeFileSync(path, after["Users/Get user.bru"]!.replace("auth: inherit", "auth: none"));
    injectBrunoFolder({ dir, inPlace: true });
    expect(readFileSync(path, "utf8")).toBe(before["Users/Get user.bru"]!.replace("auth: inherit", "auth: none"));
  });

  it("a collection without collection.bru gets one; CRLF line ends are kept where an older inject's watcher is taken out", () => {
    const older = `${ACME_BRU["Users/Get user.bru"]!}\ntests {\n${ours("401-watcher", "await 0;")
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n")}\n}\n`;
    const crlf = collection({ "Users/Get user.bru": older.replace(/\n/g, "\r\n") });
    rmSync(join(crlf, "collection.bru"));
    const injected = injectBrunoFolder({ dir: crlf, inPlace: true });
    expect(injected.warnings.some((warning) => warning.startsWith("the collection's own auth"))).toBe(false);
    const root = readFileSync(join(crlf, "collection.bru"), "utf8");
    expect(root.startsWith("auth {\n  mode: bearer\n}\n\nauth:bearer {\n  token: {{ACCESS_TOKEN}}\n}\n\nscript:pre-request {\n")).toBe(
      true,
    );
    const text = readFileSync(join(crlf, "Users/Get user.bru"), "utf8");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text).not.toContain("401-watcher");
    expect(text).toContain("docs {\r\n  Reads one user.\r\n}");
    expect(root).toContain("tests {\n  // >>> postman-ims-auth 401-watcher");
  });

  it("a block without its closing line is ERR_INPUT_FILE naming the file and line; nothing is written", () => {
    const broken = collection({ "Users/Broken.bru": "meta {\n  name: Broken\n\nget {\n  url: x\n}\n" });
    const tree = readTree(broken);
    let error: unknown;
    try {
      injectBrunoFolder({ dir: broken, inPlace: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImsAuthError);
    expect([(error as ImsAuthError).code, (error as ImsAuthError).message]).toEqual([
      "ERR_INPUT_FILE",
      'Users/Broken.bru:1: the meta block has no closing "}" line: fix the file, or open the collection in Bruno and save it again.',
    ]);
    expect(readTree(broken)).toEqual(tree);
  });
});
