// An error the CLI did not expect names the version that ran, shows no stack trace and no message unless DEBUG asks.

import { afterEach, describe, expect, it, vi } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { packageVersion } from "../../src/files/paths.js";
import { runMain } from "../helpers/cli-in-process.js";

const boom: Command = {
  name: "boom",
  summary: "fails as a bug would",
  usage: "postman-ims-auth boom",
  options: {},
  async run() {
    throw new TypeError("Cannot read properties of undefined (reading 'secret-looking-text')");
  },
};

async function run(debug: string | undefined): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  vi.stubEnv("DEBUG", debug);
  const code = await main(["boom"], [boom]);
  spy.mockRestore();
  return { code, stderr: lines.join("\n") };
}

afterEach(() => vi.unstubAllEnvs());

describe("an unexpected error in the CLI", () => {
  it("names the package version, the command, Node and the error's type; no message, no stack; exit 1", async () => {
    const { code, stderr } = await run(undefined);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: unexpected TypeError in postman-ims-auth ${packageVersion()} boom, Node ${process.version}: this is a bug of postman-ims-auth; ` +
        "please report it with this line and the command you ran. Its message is not shown, in case it quotes a secret: " +
        "run again with DEBUG=postman-ims-auth to see it and its stack trace.",
    );
  });

  it("with DEBUG set, adds the message and the stack trace", async () => {
    const { code, stderr } = await run("postman-ims-auth");
    expect(code).toBe(1);
    expect(stderr).toContain(`postman-ims-auth ${packageVersion()} boom`);
    expect(stderr).toContain("TypeError: Cannot read properties of undefined (reading 'secret-looking-text')");
    expect(stderr).toMatch(/\n\s+at .*unexpected-error\.test\.ts/);
    expect((await run("0")).stderr).not.toContain("secret-looking-text");
  });
});

describe("--version and help COMMAND", () => {
  it("--version prints the package's version alone", async () => {
    for (const flag of ["--version", "-v"]) {
      const result = await runMain([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${packageVersion()}\n`, stderr: "" });
    }
  });

  it("help COMMAND prints that command's help, as COMMAND --help does; an unknown one is refused", async () => {
    const help = await runMain(["help", "env"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runMain(["env", "--help"])).stdout);
    expect(help.stdout).toMatch(/^usage: postman-ims-auth env /);
    const unknown = await runMain(["help", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: ERR_USAGE: unknown command "nope"/);
  });
});
