// The committed Bruno collection (collections/bruno/adobe-ims) is exactly what `generate --target bruno` makes now,
// with the Postman collection's folders, requests and variables.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAst } from "rollup/parseAst";
import { describe, expect, it } from "vitest";
import { BRUNO_DIR, brunoFiles, brunoFolderName } from "../../src/generator/bruno/bruno-collection.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { buildEnvironment, TEMPLATES } from "../../src/generator/environment/environments.js";
import { packageRoot } from "../../src/files/paths.js";

const files = brunoFiles();
const committedDir = join(packageRoot(), "collections", "bruno", BRUNO_DIR);
const json = <T>(relativePath: string): T => JSON.parse(files.get(relativePath)!) as T;

interface BrunoRequest {
  info: { name: string; type: string; seq: number };
  http: { method: string; url: string; headers?: { name: string; value: string }[]; auth?: string };
  runtime: { scripts: { type: string; code: string }[] };
}
interface BrunoEnvironment {
  name: string;
  variables: { name: string; value?: string; secret?: boolean; description?: string }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("generated Bruno collection", () => {
  it.each([...files.keys()])("%s is committed and up to date (run `npm run build` if not)", (file) => {
    const committed = readFileSync(join(committedDir, file), "utf8");
    expect(committed === files.get(file), `${file} is stale: run npm run build and commit it`).toBe(true);
  });

  it("the committed folder holds nothing else (a request removed from the definitions is removed there too)", () => {
    expect(filesUnder(committedDir)).toEqual([...files.keys()].sort());
  });

  it("has the Postman collection's folders and requests: names, order, methods, URLs and headers", () => {
    const built = buildCollection() as { item: { name: string; item?: { name: string; request: unknown }[] }[] };
    const postman = built.item.map((folder) => ({
      folder: folder.name,
      requests: (folder.item ?? []).map((item) => {
        const request = item.request as { method: string; url: { raw: string } | string; header?: { key: string; value: string }[] };
        return {
          name: item.name,
          method: request.method,
          url: typeof request.url === "string" ? request.url : request.url.raw,
          headers: (request.header ?? []).map(({ key, value }) => ({ name: key, value })),
        };
      }),
    }));
    const bruno = postman.map(({ folder }) => {
      const inFolder = [...files.keys()].filter((file) => file.startsWith(`${folder}/`) && !file.endsWith("folder.yml"));
      const requests = inFolder.map((file) => json<BrunoRequest>(file)).sort((a, b) => a.info.seq - b.info.seq);
      return {
        folder,
        requests: requests.map(({ info, http }) => ({ name: info.name, method: http.method, url: http.url, headers: http.headers ?? [] })),
      };
    });
    expect(bruno).toEqual(postman);
    expect(postman.flatMap((folder) => folder.requests)).toHaveLength(5);
  });

  it("environments: the Postman templates' variables, secrets marked secret and carrying no value, each described", () => {
    for (const template of TEMPLATES) {
      const postman = buildEnvironment(template);
      const bruno = json<BrunoEnvironment>(join("environments", template.file.replace(/\.postman_environment\.json$/, ".yml")));
      expect(bruno.name).toBe(postman.name);
      expect(bruno.variables.map((variable) => variable.name)).toEqual(postman.values.map((value) => value.key));
      for (const value of postman.values) {
        const variable = bruno.variables.find((candidate) => candidate.name === value.key)!;
        if (value.type === "secret") {
          expect(variable.secret, value.key).toBe(true);
          expect("value" in variable, value.key).toBe(false);
        } else expect(variable.value).toBe(value.value);
        expect(variable.description?.length ?? 0, value.key).toBeGreaterThan(20);
      }
    }
  });

  it("speaks Bruno: no Postman Vault or Postman-only wording outside the scripts' code", () => {
    for (const [file, text] of files) {
      const words = JSON.stringify(JSON.parse(text), (key, value) => (key === "code" ? undefined : value));
      expect(words, file).not.toMatch(/vault|pm\.|Newman|Run collection/i);
    }
  });

  it("has the collection's Bearer auth and our before-request script, awaited; API requests inherit it, token requests do not", () => {
    const root = json<{ request: { auth: unknown; scripts: { type: string; code: string }[] } }>("opencollection.yml");
    expect(root.request.auth).toEqual({ type: "bearer", token: "{{ACCESS_TOKEN}}" });
    expect(root.request.scripts[0]?.code).toMatch(/^\/\*! postman-ims-auth \S+ auto-auth for Bruno:[\s\S]*\nawait __imsAuth\.run\(\);$/);
    for (const file of files.keys()) {
      if (file.startsWith("environments/") || file.endsWith("folder.yml") || file === "opencollection.yml") continue;
      const request = json<BrunoRequest>(file);
      expect(request.http.auth, file).toBe(file.startsWith("Authenticate/") ? undefined : "inherit");
    }
  });

  it("each script opens with its header, in Bruno's terms, and ends with the await Bruno needs", () => {
    const scripts = [...files.values()].flatMap((text) =>
      JSON.stringify(JSON.parse(text)).includes('"code"')
        ? ((JSON.parse(text) as { request?: BrunoRequest["runtime"]; runtime?: BrunoRequest["runtime"] }).runtime?.scripts ??
          (JSON.parse(text) as { request: { scripts: BrunoRequest["runtime"]["scripts"] } }).request.scripts)
        : [],
    );
    // Ours: the collection's two, the Authenticate requests' two each, the sample guards; the samples' status tests are plain.
    const ours = scripts.filter(({ code }) => code.includes("__imsAuth"));
    expect([scripts.length, ours.length]).toEqual([12, 9]);
    for (const { code } of ours) {
      expect(code).toMatch(/^\/\*! postman-ims-auth \S+ [a-z0-9-]+ for Bruno: /);
      expect(code).toContain("src/sandbox/bruno/");
      expect(code).toContain("postman-ims-auth generate --target bruno (version");
      expect(code).not.toMatch(/^ \* .*pm\.sendRequest/m);
      expect(code).toMatch(/\nawait __imsAuth\.run\((\{.*\})?\);(\ntest\([\s\S]*)?$/);
    }
  });

  it("auto-auth for Bruno: only its fast path is code (Bruno reads a script's code before every request), the rest one string", () => {
    const root = json<{ request: { scripts: { code: string }[] } }>("opencollection.yml");
    const code = root.request.scripts[0]!.code;
    const program = parseAst(`(async () => {\n${code}\n})();`);
    const strings: number[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const { type, value, start, end } = node as { type?: string; value?: unknown; start: number; end: number };
        if (type === "Literal" && typeof value === "string") strings.push(end - start);
        for (const child of Object.values(node)) walk(child);
      }
    };
    walk(program);
    const header = code.indexOf("*/") + 2;
    const outsideStrings = code.length - header - strings.reduce((sum, length) => sum + length, 0);
    // The fast path: the expiry check and the token's binding to its credential (SHA-256 from @noble/hashes, ~3.4 KB).
    expect(outsideStrings).toBeLessThan(8_000);
    // The slow path, adapter and engine with it, is the one long string.
    expect(Math.max(...strings)).toBeGreaterThan(40_000);
    expect(code).toContain('new Function("bru","req",');
  });

  it("a chosen name names the folder, as it names the Postman collection's file", () => {
    expect(brunoFolderName(undefined)).toBe("adobe-ims");
    expect(brunoFolderName("My Workshop")).toBe("my-workshop");
    expect(JSON.parse(brunoFiles(undefined, "My Workshop").get("opencollection.yml")!).info.name).toBe("My Workshop");
  });
});
