// One reader of PRIVATE_KEY_PASSPHRASE: a passphrase with spaces, around it and inside, opens the key in
// the collection (Newman, JWT request) and passes `doctor`, offline and online, the same way.

import { createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWT_REQUEST_NAME } from "../../src/generator/collection/requests.js";
import { runMain } from "../helpers/cli-in-process.js";
import { environmentFile, workspace, type Workspace } from "../helpers/credential-files.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";

/** Trimmed, it no longer decrypts the key: a reader that trims fails. */
const PASSPHRASE = "  correct horse battery  ";

let ctx: EmulatorContext;
let files: Workspace;
let variables: Record<string, string>;

beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"] });
  const encrypted = createPrivateKey(ctx.credential.privateKeyPem)
    .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE })
    .toString();
  variables = { SCOPES: "", PRIVATE_KEY: encrypted, PRIVATE_KEY_PASSPHRASE: PASSPHRASE };
  files = workspace("passphrase-");
  files.write("spaced.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, variables));
});
afterAll(async () => {
  files?.remove();
  await ctx?.close();
});

describe("a passphrase with spaces", () => {
  it("the trimmed passphrase does not open the key (so the tests below can tell the readers apart)", async () => {
    const result = await ctx.run({ ...variables, PRIVATE_KEY_PASSPHRASE: PASSPHRASE.trim() }, { folder: JWT_REQUEST_NAME });
    expect(result.failures.map((failure) => failure.message)).toEqual([
      expect.stringMatching(/^ERR_PRIVATE_KEY_PASSPHRASE: PRIVATE_KEY_PASSPHRASE does not decrypt/),
    ]);
  });

  it("opens the key in the collection: the JWT request gets a token", async () => {
    ctx.emulator.reset();
    const result = await ctx.run(variables, { folder: JWT_REQUEST_NAME });
    expect(result.failures).toEqual([]);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(result.environment.ACCESS_TOKEN).toBe(ctx.emulator.issuedTokens[0]);
  });

  it("passes doctor, offline and online", async () => {
    const offline = await runMain(["doctor", files.dir]);
    // A Developer Console JWT credential: the end-of-life warning, and no error (the passphrase opened the key).
    expect(offline.stdout).toMatch(/^warning +\S+spaced\.postman_environment\.json +jwt +WARN_JWT_END_OF_LIFE: /);
    expect(offline.stdout).not.toMatch(/ERR_/);
    expect(offline.stdout).toMatch(/1 file: 0 ok, 1 warning, 0 errors/);
    expect(offline.code).toBe(0);
    ctx.emulator.reset();
    const online = await runMain(["doctor", files.dir, "--online", "--ca", ctx.caFile]);
    // The row shows the end-of-life warning; that IMS issued a token shows in the emulator's count.
    expect(online.stdout).not.toMatch(/ERR_/);
    expect(online.stdout).toMatch(/1 file: 0 ok, 1 warning, 0 errors/);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.issuedTokens).toHaveLength(1);
    expect(online.code).toBe(0);
    expect(offline.stdout + offline.stderr + online.stdout + online.stderr).not.toContain(PASSPHRASE.trim());
  });
});
