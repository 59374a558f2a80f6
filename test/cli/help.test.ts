// Every command answers --help; unknown commands and flags are refused with a message naming them. main() runs in
// this process (runMain); the real process is started where its exit status and output streams are what is checked.

import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";

describe("postman-ims-auth (the process)", () => {
  it("with no command prints the commands and exits 1; --help exits 0", async () => {
    const none = await runCli([]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^usage: postman-ims-auth <command>/);
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const name of ["generate", "env", "roster", "inject"]) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  it("refuses an unknown command, naming it, on stderr only", async () => {
    const result = await runCli(["genrate"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: ERR_USAGE: unknown command "genrate"/);
    expect(result.stdout).toBe("");
  });

  it("a command's --help: its usage on stdout, nothing on stderr, exit 0", async () => {
    const result = await runCli(["env", "--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^usage: postman-ims-auth env\b/);
  });
});

describe("postman-ims-auth (main)", () => {
  it.each(COMMANDS.map((command) => command.name))("%s --help prints its usage and exits 0", async (name) => {
    const result = await runMain([name, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: postman-ims-auth ${name}\\b`));
    expect(result.stderr).toBe("");
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    "%s --help says what the command does, after its usage line",
    async (name, command) => {
      const lines = (await runMain([name, "--help"])).stdout.split("\n");
      expect(lines[1]).toBe("");
      expect(lines[2]).toMatch(/^[A-Z].{20,}\.$/);
      expect(lines[2]!.toLowerCase()).toContain(command.summary.toLowerCase().replace(/\.$/, ""));
    },
  );

  it.each(["generate", "env", "roster", "inject"])("%s refuses an unknown flag, naming it, with its usage", async (name) => {
    const result = await runMain([name, "--colour", "x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: ERR_USAGE: Unknown option '--colour'/);
    expect(result.stderr).toContain(`usage: postman-ims-auth ${name}`);
  });
});
