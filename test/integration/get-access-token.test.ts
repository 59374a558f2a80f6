// getAccessToken in-process against the emulator: every accepted input, the cache, retries and the collection's errors.

import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/files/paths.js";
import { getAccessToken, ImsAuthError, type CredentialsInput } from "../../src/index.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { aemCredentialsFor, pastedToken, workspace, type Workspace } from "../helpers/credential-files.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";
import { rsaKeyPems } from "../helpers/keys.js";

let ctx: EmulatorContext;
let files: Workspace;
let ca: string;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID"] });
  files = workspace("token-cache-");
  ca = readFileSync(ctx.caFile, "utf8");
});
afterAll(async () => {
  files.remove();
  await ctx.close();
});
beforeEach(() => {
  ctx.emulator.reset();
  ctx.emulator.tokenLifetimeMs = 86_399_999;
});

/** The collection's variables for the emulator, as a plain object. */
function variables(overrides: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(emulatorEnvironment(ctx.emulator, ctx.credential, overrides).values.map((entry) => [entry.key, entry.value]));
}

async function failure(config: CredentialsInput, options = {}): Promise<ImsAuthError> {
  try {
    await getAccessToken(config, { ca, ...options });
  } catch (error) {
    if (error instanceof ImsAuthError) return error;
    throw error;
  }
  throw new Error("a token was issued");
}

describe("getAccessToken", () => {
  it("JWT flow from the collection's variables: the token IMS issued, its absolute expiry, the flow", async () => {
    const started = Date.now();
    const token = await getAccessToken(variables({ SCOPES: "" }), { ca });
    expect(token.flow).toBe("jwt");
    expect(token.expiresAt).toBeGreaterThanOrEqual(started + 86_399_999);
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    expect(ctx.emulator.assertions[0]?.outcome).toBe("accepted");
    expect(token.accessToken.split(".")).toHaveLength(3);
  });

  it("OAuth Server-to-Server from a Map; expires_in read as seconds", async () => {
    const token = await getAccessToken(new Map(Object.entries(variables({ PRIVATE_KEY: "", META_SCOPE: "" }))), { ca });
    expect(token.flow).toBe("s2s");
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(token.expiresAt! - Date.now()).toBeGreaterThan(86_000_000);
  });

  it("a parsed Postman environment file: disabled entries ignored as Postman ignores them", async () => {
    const env = emulatorEnvironment(ctx.emulator, ctx.credential, { PRIVATE_KEY: "", META_SCOPE: "" });
    const withDisabled = { ...env, values: [...env.values, { key: "AUTH_FLOW", value: "jwt", enabled: false }] };
    expect((await getAccessToken(JSON.parse(JSON.stringify(withDisabled)) as CredentialsInput, { ca })).flow).toBe("s2s");
  });

  it("AEM service credentials, as the Developer Console gives them (seed 003's exchange(config))", async () => {
    const aem = aemCredentialsFor(ctx.emulator);
    const token = await getAccessToken(aem.wrapped, { ca });
    expect(token.flow).toBe("jwt");
    expect(ctx.emulator.calls.jwtExchange).toBe(1);
    const claims = JSON.parse(Buffer.from(ctx.emulator.assertions[0]!.token.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(claims).filter((claim) => claim.includes("/s/"))).toHaveLength(2);
  });

  it("a pasted ACCESS_TOKEN is returned as it is, with the expiry written in it; IMS is not asked", async () => {
    const accessToken = pastedToken(Date.now(), 3_600_000);
    const token = await getAccessToken({ ACCESS_TOKEN: accessToken });
    expect(token).toEqual({ accessToken, expiresAt: expect.any(Number), flow: "token" });
    expect(ctx.emulator.calls.jwtExchange + ctx.emulator.calls.tokenV3).toBe(0);
  });

  it("cache: reused while valid for the margin, renewed once inside it; the file is mode 0600", async () => {
    const cacheFile = join(files.dir, "tokens.json");
    const config = variables({ PRIVATE_KEY: "", META_SCOPE: "" });
    const first = await getAccessToken(config, { ca, cacheFile });
    const second = await getAccessToken(config, { ca, cacheFile });
    expect(second).toEqual(first);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    // A margin longer than the token's life left: the cached token is not good enough any more.
    const renewed = await getAccessToken({ ...config, TOKEN_MARGIN_MINUTES: "1440" }, { ca, cacheFile });
    expect(ctx.emulator.calls.tokenV3).toBe(2);
    expect(renewed.accessToken).not.toBe(first.accessToken);
  });

  it("429 and 5xx are retried by the shared policy (Retry-After honoured); a lasting 503 fails after 4 attempts", async () => {
    ctx.emulator.injectFaults("/ims/token/v3", [{ status: 503 }, { status: 429, retryAfter: "0" }]);
    const config = variables({ PRIVATE_KEY: "", META_SCOPE: "" });
    await getAccessToken(config, { ca });
    expect(ctx.emulator.calls.tokenV3).toBe(3);

    ctx.emulator.reset();
    ctx.emulator.injectFaults(
      "/ims/token/v3",
      [0, 1, 2, 3].map(() => ({ status: 503, retryAfter: "0" })),
    );
    const error = await failure(config);
    expect(error.code).toBe("ERR_IMS_UNREACHABLE");
    expect(error.message).toMatch(/HTTP 503 .*\(after 4 attempts\)$/);
    expect(ctx.emulator.calls.tokenV3).toBe(4);
  });

  it.each([
    [
      "IMS's refusal, with the collection's hint",
      () => variables({ CLIENT_SECRET: "p8e-wrong", PRIVATE_KEY: "", META_SCOPE: "" }),
      "ERR_IMS_REJECTED",
      /invalid_client.*Check CLIENT_SECRET: IMS did not accept it/,
    ],
    [
      "a metascope the binding lacks",
      () => variables({ SCOPES: "", META_SCOPE: "ent_dataservice_sdk" }),
      "ERR_IMS_REJECTED",
      /invalid_scope.*Check META_SCOPE/,
    ],
    ["a 1024-bit key", () => variables({ SCOPES: "", PRIVATE_KEY: rsaKeyPems(1024).pkcs8 }), "ERR_PRIVATE_KEY_SIZE", /1024-bit/],
    [
      "an expired pasted token",
      () => ({ ACCESS_TOKEN: pastedToken(Date.now() - 2 * 86_400_000, 86_400_000) }),
      "ERR_TOKEN_EXPIRED",
      /^ACCESS_TOKEN expired at/,
    ],
  ] as const)("%s: the collection's coded error", async (_name, config, code, message) => {
    const error = await failure(config());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("several problems: one ImsAuthError with the first's code and variable, listing them all", async () => {
    const error = await failure(variables({ SCOPES: "", IMS: "https://ims-na1.adobelogin.com/", TECHNICAL_ACCOUNT_ID: "" }));
    expect(error.code).toBe("ERR_INVALID_VARIABLE");
    expect(error.variable).toBe("IMS");
    expect(error.message).toMatch(
      /^2 problems with the credentials:\n {2}- ERR_INVALID_VARIABLE: IMS .*\n {2}- ERR_MISSING_VARIABLE: TECHNICAL_ACCOUNT_ID/,
    );
    expect(ctx.emulator.calls.jwtExchange).toBe(0);
  });

  it("input that is no credentials at all", async () => {
    expect((await failure([] as unknown as CredentialsInput)).code).toBe("ERR_INPUT_FILE");
    expect((await failure({ ok: false, statusCode: 403 })).code).toBe("ERR_CREDENTIALS_FILE");
  });

  // Its types are built by prepack and checked in the packed package (test/cli/package.test.ts).
  it("is the package's entry: importable by the package's name from Node", async () => {
    const script = `import { getAccessToken } from "postman-ims-auth";
      const config = JSON.parse(process.env.CONFIG);
      getAccessToken(config, { ca: process.env.CA }).then((token) => console.log(token.flow, token.accessToken.split(".").length));`;
    const config = JSON.stringify(variables({ PRIVATE_KEY: "", META_SCOPE: "" }));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        cwd: packageRoot(),
        env: { ...process.env, CONFIG: config, CA: ca },
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.on("error", reject);
      child.on("close", () => resolve(stdout));
    });
    expect(output).toBe("s2s 3\n");
  });
});
