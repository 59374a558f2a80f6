// Compiles the sandbox scripts into self-contained, minified IIFEs. The slow path (the "engine", with
// jsrsasign's RSA-only build) is built first and carried compressed inside the scripts that need it.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { deflateRawSync } from "node:zlib";
import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import { type OutputChunk, rollup, type Plugin, type RollupOptions } from "rollup";
import { minify } from "terser";
import { trimJsrsasign, type EstreeNode } from "./scripts/jsrsasign-trim.js";
import { minifyOptions } from "./scripts/minify-options.js";
import { scriptHeader } from "./scripts/script-header.js";
import { noticeLines, packageOf } from "./scripts/third-party.js";
import transpile from "./scripts/transpile.mjs";

const ENGINE_FILE = "dist/sandbox/engine.js";
const READABLE_ENGINE_FILE = "dist/sandbox/engine.readable.js";
const PACKAGE = JSON.parse(readFileSync("package.json", "utf8")) as { version: string; repository?: string | { url?: string } };
const REPOSITORY = typeof PACKAGE.repository === "string" ? PACKAGE.repository : PACKAGE.repository?.url;
/** Virtual modules that stand for a package. */
const VIRTUAL_PACKAGES: Record<string, string> = { "\0jsrsasign-rsa": "jsrsasign" };
/** The packages the engine bundles: known once the engine is built (rollup builds configurations in order). */
let enginePackages: string[] | undefined;

/** What a lazily run module bundles, by its id: the chunk that carries it carries them too. */
const lazyPackages = new Map<string, string[]>();

function bundledPackages(moduleIds: readonly string[]): string[] {
  const names = moduleIds.flatMap((id) => lazyPackages.get(id) ?? [VIRTUAL_PACKAGES[id] ?? packageOf(id)]);
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

/**
 * des.js (the engine's DES) inherits with `inherits`, whose Node entry requires Node's `util`: the
 * package's own browser entry (plain prototype wiring) is the one a sandbox can run.
 */
function inheritsWithoutUtil(): Plugin {
  return {
    name: "inherits-without-util",
    resolveId(source, importer) {
      return source === "inherits" ? this.resolve("inherits/inherits_browser.js", importer, { skipSelf: true }) : null;
    },
  };
}

/**
 * Terser in rollup's own thread, with minifyOptions. @rollup/plugin-terser starts a worker thread for each chunk,
 * which loads terser and warms it up again every time: a third of the build's CPU time here, for the same bytes.
 */
function terser(options: ReturnType<typeof minifyOptions>): Plugin {
  return {
    name: "terser",
    async renderChunk(code) {
      const result = await minify(code, options);
      if (result.code === undefined) this.error("terser returned no code");
      return { code: result.code, map: null };
    },
  };
}

const plugins = (extra: Plugin[] = []) => [
  ...extra,
  inheritsWithoutUtil(),
  // Types are checked once, by `npm run typecheck` (tsconfig.sandbox.json for this code); here only transpiled.
  transpile(),
  nodeResolve({ browser: false, preferBuiltins: false }),
  commonjs(),
];

/** A module run only when first called: `entry` (whose exports are all functions) stands in for `replaces`. */
interface LazyModule {
  readonly entry: string;
  readonly replaces: readonly string[];
}

/** The loader's SHA-256 in the scripts: noble's module code would otherwise run before every request. */
const LAZY_SHA256: LazyModule = { entry: "src/core/crypto/sha256.ts", replaces: ["src/core/crypto/sha256.ts"] };
/** Key decryption in the engine: noble's AES builds 1.3 MB of tables at load, needed only for an encrypted key. */
const LAZY_KEY_CRYPTO: LazyModule = {
  entry: "src/sandbox/engine/key-crypto.ts",
  replaces: ["src/core/crypto/cbc.ts", "src/core/crypto/key-derivation.ts"],
};

/**
 * Imports of `replaces` get a facade: each export a function that, on the first call of any, runs
 * `entry`'s own bundle, nested in a function (so only pre-parsed until then), and calls through. A
 * rollup bundle runs every module's top-level code when the script starts; this one waits until
 * it is needed. No code is evaluated from a string: the nested bundle is code of the same script.
 */
/** The nested bundle of each lazy module's entry, by entry. */
const lazyBundles = new Map<string, Promise<OutputChunk>>();

function lazily(lazy: LazyModule): Plugin {
  const id = `\0lazy:${lazy.entry}`;
  const replaced = new Set(lazy.replaces.map((file) => resolve(file)));
  return {
    name: `lazy:${lazy.entry}`,
    async resolveId(source, importer, options) {
      if (importer === undefined || importer === id || source.startsWith("\0")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && replaced.has(resolved.id) ? id : null;
    },
    async load(loading) {
      if (loading !== id) return null;
      // Built once per process: every script that carries the same lazy module carries the same bundle of it.
      let built = lazyBundles.get(lazy.entry);
      if (built === undefined) {
        built = (async () => {
          const bundle = await rollup({
            input: lazy.entry,
            preserveSymlinks: true,
            plugins: plugins(),
            onwarn: (warning) => this.warn(warning.message),
          });
          const {
            output: [chunk],
          } = await bundle.generate({ format: "iife", name: "lazyModule", strict: true });
          await bundle.close();
          return chunk;
        })();
        lazyBundles.set(lazy.entry, built);
      }
      const chunk = await built;
      for (const module of chunk.moduleIds) if (!module.startsWith("\0")) this.addWatchFile(module);
      lazyPackages.set(id, bundledPackages(chunk.moduleIds));
      return [
        `function load() {\n${chunk.code}\nreturn lazyModule;\n}`,
        "let loaded;",
        ...chunk.exports.map(
          (name) => `export function ${name}() {\n  return (loaded || (loaded = load())).${name}.apply(undefined, arguments);\n}`,
        ),
      ].join("\n");
    },
  };
}

/**
 * `jsrsasign` in the sandbox is its RSA-only build (a third of the full library) less what signing
 * never reaches (scripts/jsrsasign-trim.ts): a script, so it is wrapped as a module here, with the
 * `navigator` and `window` it reads at load kept in its scope.
 */
function jsrsasignRsa(): Plugin {
  const id = "\0jsrsasign-rsa";
  return {
    name: "jsrsasign-rsa",
    resolveId: (source) => (source === "jsrsasign" ? id : null),
    load(loading) {
      if (loading !== id) return null;
      const library = trimJsrsasign(
        readFileSync("node_modules/jsrsasign/lib/jsrsasign-rsa-min.js", "utf8"),
        (code) => this.parse(code) as unknown as EstreeNode,
        (message) => this.error(message),
      );
      return [
        'var navigator = { appName: "Netscape", userAgent: false }, window = {};',
        library,
        "export { BigInteger, RSAKey, b64utohex, hextob64u, utf8tob64u };",
      ].join("\n");
    },
  };
}

/** The engine as built (read once, after its build, for every script that carries it) and its digest. */
let engineBuilt: { source: string; digest: string } | undefined;
function builtEngine(): { source: string; digest: string } {
  if (engineBuilt === undefined) {
    const source = readFileSync(ENGINE_FILE, "latin1");
    engineBuilt = { source, digest: createHash("sha256").update(source, "latin1").digest("hex") };
  }
  return engineBuilt;
}
/** The `virtual:engine` module: deflated once, the same in every carrier. */
let engineModule: string | undefined;

/** `virtual:engine`: the engine built just before (rollup builds configurations in order), deflated, with its digest. */
function engineBlob(): Plugin {
  const id = "\0virtual:engine";
  return {
    name: "engine-blob",
    resolveId: (source) => (source === "virtual:engine" ? id : null),
    load(loading) {
      if (loading !== id) return null;
      const { source, digest } = builtEngine();
      if (/[^\x00-\x7f]/.test(source)) this.error("the engine must be ASCII (terser ascii_only)");
      engineModule ??= `export const ENGINE_BLOB = ${JSON.stringify(deflateRawSync(Buffer.from(source, "latin1"), { level: 9 }).toString("base64"))}; export const ENGINE_SIZE = ${source.length}; export const ENGINE_DIGEST = ${JSON.stringify(digest)};`;
      return engineModule;
    },
  };
}

/** After minifying: the script's readable header (scripts/script-header.ts), with the engine's digest where it carries it. */
function header(name: string, source: string, bruno = false): Plugin {
  return {
    name: "script-header",
    renderChunk(code, chunk) {
      // Bruno's auto-auth carries the engine inside its slow path, which it carries as text.
      const carriesSlowPath = chunk.moduleIds.includes(BRUNO_SLOW_ID);
      const carriesEngine = chunk.moduleIds.includes("\0virtual:engine") || carriesSlowPath;
      if (carriesEngine && enginePackages === undefined) this.error("the engine must be built before the scripts that carry it");
      if (carriesSlowPath && slowPathPackages === undefined) this.error("the slow path must be built before the script that carries it");
      const notices = noticeLines([
        ...bundledPackages(chunk.moduleIds),
        ...(carriesEngine ? (enginePackages ?? []) : []),
        ...(carriesSlowPath ? (slowPathPackages ?? []) : []),
      ]);
      if (notices.missing) {
        this.error(`${notices.missing} is bundled into ${name} but has no notice in scripts/third-party.ts (and THIRD_PARTY_NOTICES)`);
      }
      const built = carriesEngine ? builtEngine() : undefined;
      const engine = built === undefined ? undefined : { digest: built.digest, size: built.source.length };
      const text = scriptHeader({ name, version: PACKAGE.version, source, repository: REPOSITORY, engine, notices: notices.lines, bruno });
      return { code: `${text}\n${code}`, map: null };
    },
  };
}

/** Remembers what the engine bundles, for the headers of the scripts that carry it. */
function recordEnginePackages(): Plugin {
  return {
    name: "engine-packages",
    renderChunk(_code, chunk) {
      enginePackages = bundledPackages(chunk.moduleIds);
      return null;
    },
  };
}

const ENGINE_PREAMBLE = `/*! postman-ims-auth ${PACKAGE.version} engine: the slow path, carried deflated by auto-auth and jwt-exchange. Includes jsrsasign (MIT License, Kenji Urushima): THIRD_PARTY_NOTICES. */`;

/**
 * One bundle, two files: the engine as carried (minified) and the same code before minifying, kept
 * for reviewers (verify --print-engine): terser with minifyOptions turns the second into the first.
 */
const engine: RollupOptions = {
  input: "src/sandbox/scripts/engine.ts",
  output: [
    {
      file: ENGINE_FILE,
      format: "iife",
      name: "__imsAuthEngine",
      strict: true,
      plugins: [terser(minifyOptions(ENGINE_PREAMBLE)), recordEnginePackages()],
    },
    { file: READABLE_ENGINE_FILE, format: "iife", name: "__imsAuthEngine", strict: true },
  ],
  plugins: plugins([jsrsasignRsa(), lazily(LAZY_KEY_CRYPTO)]),
};

/** Scripts that go into collections: one IIFE each, no globals, nothing imported or fetched at run time. */
const SCRIPT_NAMES = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "401-watcher", "sample-guard"];
const scripts = SCRIPT_NAMES.map(
  (name): RollupOptions => ({
    input: `src/sandbox/scripts/${name}.ts`,
    output: {
      file: `dist/sandbox/${name}.js`,
      format: "iife",
      strict: true,
      plugins: [terser(minifyOptions()), header(name, `src/sandbox/scripts/${name}.ts`)],
    },
    plugins: plugins([engineBlob(), lazily(LAZY_SHA256)]),
  }),
);

/**
 * The same scripts for Bruno: the same bodies behind the Bruno adapter (src/sandbox/bruno), each an
 * IIFE named __imsAuth whose `run` the collection awaits (Bruno ends a script when it returns).
 */
const BRUNO_SLOW_FILE = "dist/build/bruno-auto-auth-slow.js";
const BRUNO_SLOW_ID = "\0virtual:bruno-auto-auth-slow";
/** What the slow path bundles (tiny-inflate), for the header of the script that carries it. */
let slowPathPackages: string[] | undefined;

/** `virtual:bruno-auto-auth-slow`: the slow path built just before, as text. */
function brunoSlowPath(): Plugin {
  return {
    name: "bruno-auto-auth-slow",
    resolveId: (source) => (source === "virtual:bruno-auto-auth-slow" ? BRUNO_SLOW_ID : null),
    load(loading) {
      if (loading !== BRUNO_SLOW_ID) return null;
      return `export const AUTO_AUTH_SLOW = ${JSON.stringify(readFileSync(BRUNO_SLOW_FILE, "utf8").trim())};`;
    },
  };
}

/** Bruno's auto-auth before its fast path: minified, no header (the carrying script has it), not shipped. */
const brunoSlowPathBuild: RollupOptions = {
  input: "src/sandbox/bruno/auto-auth-slow.ts",
  output: {
    file: BRUNO_SLOW_FILE,
    format: "iife",
    name: "__imsAuth",
    strict: true,
    plugins: [
      terser(minifyOptions()),
      {
        name: "slow-path-packages",
        renderChunk(_code, chunk) {
          slowPathPackages = bundledPackages(chunk.moduleIds);
          return null;
        },
      },
    ],
  },
  plugins: plugins([engineBlob(), lazily(LAZY_SHA256)]),
};

const brunoScripts = SCRIPT_NAMES.map(
  (name): RollupOptions => ({
    input: `src/sandbox/bruno/${name}.ts`,
    output: {
      file: `dist/sandbox/bruno/${name}.js`,
      format: "iife",
      name: "__imsAuth",
      strict: true,
      plugins: [terser(minifyOptions()), header(name, `src/sandbox/bruno/${name}.ts`, true)],
    },
    plugins: plugins([engineBlob(), brunoSlowPath(), lazily(LAZY_SHA256)]),
  }),
);

/**
 * Symlinks kept as they are: otherwise every module node-resolve finds is passed through fs.realpath, an lstat
 * for each segment of its path (0.7 s of a compile). `npm ci` makes no symlinks, so the same files are found.
 */
const keepSymlinks = (options: RollupOptions): RollupOptions => ({ ...options, preserveSymlinks: true });

export default [engine, ...scripts, brunoSlowPathBuild, ...brunoScripts].map(keepSymlinks);
