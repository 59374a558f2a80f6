// doctor and token on the edges users hit: CERTIFICATE kept from AEM credentials, a directory with other JSON, hints for files, --ims, a proxy.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runMain } from "../helpers/cli-in-process.js";
import { startConnectProxy, type ConnectProxy } from "../helpers/connect-proxy.js";
import {
  aemCredentialsFor,
  certificateEnding,
  environmentFile,
  keyPairOf,
  workspace,
  type Workspace,
} from "../helpers/credential-files.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";

let ctx: EmulatorContext;
let files: Workspace;
let proxy: ConnectProxy;
beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID"] });
  files = workspace("doctor-edges-");
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.close();
  files.remove();
  await ctx.close();
});
beforeEach(() => {
  ctx.emulator.reset();
  proxy.targets.length = 0;
});

const S2S = { PRIVATE_KEY: "", META_SCOPE: "" };

describe("CERTIFICATE", () => {
  it("env --aem-credentials keeps integration.publicKey as CERTIFICATE, and doctor compares the key with it", async () => {
    const aem = aemCredentialsFor(ctx.emulator);
    const credentials = files.write("aem-service-credentials.json", aem.wrapped);
    const out = `${files.dir}/aem.postman_environment.json`;
    expect((await runMain(["env", "-o", out, "--aem-credentials", credentials])).code).toBe(0);
    const env = JSON.parse(readFileSync(out, "utf8")) as { values: Array<{ key: string; value: string; description: string }> };
    const certificate = env.values.find((entry) => entry.key === "CERTIFICATE");
    expect(certificate?.value).toBe(aem.certificate);
    expect(certificate?.description).toMatch(/^integration\.publicKey of the AEM service credentials/);
    const doctor = await runMain(["doctor", out]);
    expect(doctor.stdout).toMatch(/^ok +.*aem\.postman_environment\.json +jwt +.*key matches CERTIFICATE/m);
    expect(doctor.code).toBe(0);
  });

  it("a CERTIFICATE that is not a PEM certificate is ERR_CERTIFICATE_FORMAT", async () => {
    const file = files.write(
      "bad-cert.postman_environment.json",
      environmentFile(
        ctx.emulator,
        ctx.credential,
        { SCOPES: "" },
        { CERTIFICATE: "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----" },
      ),
    );
    const result = await runMain(["doctor", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^error .*bad-cert\.postman_environment\.json +jwt +(WARN_JWT_END_OF_LIFE: [^|]*\| )?ERR_CERTIFICATE_FORMAT: CERTIFICATE is not a PEM certificate \(BEGIN CERTIFICATE\) or public key that can be read/m,
    );
  });
});

describe("the doctor's warnings", () => {
  it("a certificate valid only from next month is WARN_CERTIFICATE_NOT_YET_VALID; a pasted token that does not say when it expires is WARN_TOKEN_EXPIRY_UNKNOWN", async () => {
    const later = files.write(
      "later.postman_environment.json",
      environmentFile(ctx.emulator, ctx.credential, { SCOPES: "" }, { CERTIFICATE: certificateEnding(keyPairOf(ctx.credential), 400) }),
    );
    const opaque = files.write(
      "opaque.postman_environment.json",
      environmentFile(ctx.emulator, ctx.credential, { ...S2S, CLIENT_SECRET: "", SCOPES: "", ACCESS_TOKEN: "opaque-token-1234" }),
    );
    const result = await runMain(["doctor", later, opaque]);
    expect(result.stdout).toMatch(
      /^warning +.*later\.postman_environment\.json +jwt +(WARN_JWT_END_OF_LIFE: [^|]*\| )?WARN_CERTIFICATE_NOT_YET_VALID: the certificate in CERTIFICATE is valid only from /m,
    );
    expect(result.stdout).toMatch(
      /^warning +.*opaque\.postman_environment\.json +token +WARN_TOKEN_EXPIRY_UNKNOWN: ACCESS_TOKEN does not say when it expires/m,
    );
    expect(result.code).toBe(0);
  });
});

describe("doctor DIR", () => {
  it("skips package.json and collections with a note on stderr, checks the environments, and its hints speak of the file, not Newman's --env-var", async () => {
    const dir = workspace("doctor-dir-");
    try {
      dir.write("package.json", { name: "workshop", version: "1.0.0", scripts: {} });
      dir.write("workshop.postman_collection.json", {
        info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [],
      });
      dir.write("ana.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, { ...S2S, CLIENT_SECRET: "" }));
      const result = await runMain(["doctor", dir.dir]);
      expect(result.stderr.split("\n").filter((line) => line !== "")).toEqual([
        `note: skipped ${dir.dir}/package.json: an npm package file, not an environment or credentials file`,
        `note: skipped ${dir.dir}/workshop.postman_collection.json: a Postman collection, not an environment or credentials file`,
      ]);
      expect(result.stdout).toMatch(
        /^error +.*ana\.postman_environment\.json +s2s +ERR_MISSING_VARIABLE: CLIENT_SECRET is not set\. Fill it in in the file\./m,
      );
      expect(result.stdout).not.toContain("--env-var");
      expect(result.stdout).toMatch(/^1 file: 0 ok, 0 warnings, 1 error$/m);
    } finally {
      dir.remove();
    }
  });
});

describe("--ims HOST", () => {
  // IMS in the files names Adobe's host, which nothing here may reach: --ims points every check and call at the emulator.
  const adobeIms = { ...S2S, IMS: "ims-na1.adobelogin.com" };

  it("token --ims asks that host", async () => {
    const file = files.write("s2s-adobe.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, adobeIms));
    const result = await runMain(["token", "--env", file, "--ims", ctx.emulator.host, "--ca", ctx.caFile, "--format", "header"]);
    expect(result.stderr).toContain(`IMS at ${ctx.emulator.host} issued an OAuth Server-to-Server token`);
    expect(result.code).toBe(0);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("doctor --online --ims asks that host for every file", async () => {
    const file = files.write("s2s-online.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, adobeIms));
    const result = await runMain(["doctor", file, "--online", "--ims", ctx.emulator.host, "--ca", ctx.caFile]);
    expect(result.stdout).toMatch(/^ok .*IMS issued a token valid until/m);
    expect(result.code).toBe(0);
    expect(ctx.emulator.calls.tokenV3).toBe(1);
  });

  it("a malformed --ims is the IMS check's coded error, naming the fix", async () => {
    const file = files.write("s2s-bad-ims.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, adobeIms));
    const result = await runMain(["token", "--env", file, "--ims", "https://ims-na1.adobelogin.com/"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: ERR_INVALID_VARIABLE: IMS is "https:\/\/ims-na1\.adobelogin\.com\/" but must be a bare host name.*set IMS to "ims-na1\.adobelogin\.com"/,
    );
  });
});

describe("the token command behind a proxy", () => {
  it("HTTPS_PROXY in its environment sends the token request through the CONNECT proxy; NO_PROXY goes around it", async () => {
    const file = files.write("s2s-proxy.postman_environment.json", environmentFile(ctx.emulator, ctx.credential, S2S));
    const through = await runMain(["token", "--env", file, "--ca", ctx.caFile], { env: { HTTPS_PROXY: proxy.url, NO_PROXY: "" } });
    expect(through.code).toBe(0);
    expect(proxy.targets).toEqual([ctx.emulator.host]);
    const around = await runMain(["token", "--env", file, "--ca", ctx.caFile], { env: { https_proxy: proxy.url, no_proxy: "127.0.0.1" } });
    expect(around.code).toBe(0);
    expect(proxy.targets).toEqual([ctx.emulator.host]);
    expect(ctx.emulator.calls.tokenV3).toBe(2);
  });
});
