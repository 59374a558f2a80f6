// The CI recipes under examples/ci: every postman-ims-auth command in them is one the CLI's parser accepts, and no step shows a secret.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS } from "../../src/cli/main.js";
import { parseCommandLine } from "../../src/cli/parse.js";
import { packageRoot } from "../../src/generator/paths.js";

const DIR = join(packageRoot(), "examples", "ci");
const SCRIPT_KEYS = new Set(["run", "script", "before_script", "after_script"]);

/** Every shell script of a workflow or pipeline: GitHub's `run`, GitLab's `script` lists. */
function scripts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const entry of node) scripts(entry, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (SCRIPT_KEYS.has(key) && typeof value === "string") found.push(value);
      else if (SCRIPT_KEYS.has(key) && Array.isArray(value)) found.push(...value.filter((line): line is string => typeof line === "string"));
      else scripts(value, found);
    }
  }
  return found;
}

/**
 * The simple commands of a POSIX shell script, as word lists: quotes removed, `$VAR` left as text,
 * line continuations joined, comments dropped, split at ; && || and |. Enough for CI steps.
 */
function shellCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const text = script.replace(/\\\r?\n/g, " ");
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unclosed ' in: ${script}`);
      word = (word ?? "") + text.slice(i + 1, close);
      i = close;
    } else if (char === '"') {
      let value = "";
      for (i++; i < text.length && text[i] !== '"'; i++) value += text[i] === "\\" && /["\\$`]/.test(text[i + 1] ?? "") ? text[++i] : text[i];
      if (i >= text.length) throw new Error(`unclosed " in: ${script}`);
      word = (word ?? "") + value;
    } else if (char === "#" && word === undefined) {
      while (i < text.length && text[i] !== "\n") i++;
      endCommand();
    } else if (char === "\n" || char === ";") endCommand();
    else if ((char === "&" || char === "|") && (text[i + 1] === char || char === "|")) {
      endCommand();
      if (text[i + 1] === char) i++;
    } else if (/\s/.test(char)) endWord();
    else word = (word ?? "") + char;
  }
  endCommand();
  return commands;
}

const recipes = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
const commandsOf = (file: string) => scripts(parse(readFileSync(join(DIR, file), "utf8"))).flatMap(shellCommands);
const ours = (file: string) =>
  commandsOf(file)
    .map((words) => (words[0] === "npx" ? words.slice(1) : words))
    .filter((words) => words[0] === "postman-ims-auth")
    .map((words) => words.slice(1));

describe("the shell reader of this test", () => {
  it("splits a step as the shell would", () => {
    expect(shellCommands('mkdir -p build\npostman-ims-auth env -o "a b.json" \\\n  --set X # note\nnewman run x && echo done')).toEqual([
      ["mkdir", "-p", "build"],
      ["postman-ims-auth", "env", "-o", "a b.json", "--set", "X"],
      ["newman", "run", "x"],
      ["echo", "done"],
    ]);
  });

  it("a command line the CLI does not accept is refused by the same check", () => {
    const [bad] = shellCommands("postman-ims-auth env --template workshop -o x.json --sett API_KEY");
    expect(() => parseCommandLine(COMMANDS, bad!.slice(1))).toThrow(/Unknown option '--sett'/);
    const [incomplete] = shellCommands("postman-ims-auth inject collection.json");
    expect(() => parseCommandLine(COMMANDS, incomplete!.slice(1))).toThrow(/say where to write/);
  });
});

describe.each(["github-actions.yml", "gitlab-ci.yml"])("examples/ci/%s", (file) => {
  it("exists", () => {
    expect(recipes).toContain(file);
  });

  it("injects the auth and builds the environment with commands the CLI accepts", () => {
    const lines = ours(file);
    expect(lines.map((args) => args[0])).toEqual(["inject", "env"]);
    for (const args of lines) {
      const parsed = parseCommandLine(COMMANDS, args);
      expect(parsed.kind, args.join(" ")).toBe("run");
    }
  });

  it("installs the tool and runs newman with the JUnit reporter, then publishes the report", () => {
    const commands = commandsOf(file);
    expect(commands.some((words) => words[0] === "npm" && words.includes("install") && words.some((word) => word.startsWith("postman-ims-auth")))).toBe(true);
    const newman = commands.find((words) => words[0] === "newman" && words[1] === "run")!;
    expect(newman[newman.indexOf("--reporters") + 1]).toMatch(/\bjunit\b/);
    const report = newman[newman.indexOf("--reporter-junit-export") + 1];
    expect(report).toMatch(/\.xml$/);
    expect(readFileSync(join(DIR, file), "utf8")).toMatch(file.startsWith("github") ? /uses: actions\/upload-artifact@v\d+[\s\S]*path: build\/newman-junit\.xml/ : /junit: build\/newman-junit\.xml/);
  });

  it("never shows a secret: secrets go through environment variables, nothing prints or exports them", () => {
    const text = readFileSync(join(DIR, file), "utf8");
    for (const words of commandsOf(file)) {
      expect(["echo", "printf", "printenv", "env", "set", "cat"], words.join(" ")).not.toContain(words[0]);
      expect(words.join(" ")).not.toMatch(/--export-environment|--verbose/);
    }
    for (const args of ours(file)) {
      // --set NAME, never --set CLIENT_SECRET=… with the value on the command line.
      for (const [index, word] of args.entries()) if (args[index - 1] === "--set") expect(word).toMatch(/^[A-Z_]+(=[^$]*)?$/);
      expect(args.join(" ")).not.toMatch(/(CLIENT_SECRET|PRIVATE_KEY)=/);
    }
    // GitHub: secrets only in `env:` mappings, never inside a script.
    for (const script of scripts(parse(text))) expect(script).not.toMatch(/secrets\./);
  });
});
