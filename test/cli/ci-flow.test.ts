// What the CI recipes do, done here against the emulator: inject, env from secrets in environment variables, newman's CLI with the JUnit reporter.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/files/paths.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { runMain } from "../helpers/cli-in-process.js";
import { startEmulator, type EmulatorContext } from "../helpers/emulator.js";
import { realisticCollection } from "../helpers/realistic-collection.js";

const NEWMAN = join(packageRoot(), "node_modules", "newman", "bin", "newman.js");
const temp = tempDir("cli-ci");
let ctx: EmulatorContext;

beforeAll(async () => {
  ctx = await startEmulator({ metascopes: ["ent_dataservices_sdk"], scopes: ["openid", "AdobeID"] });
  // Three of its folders (one with a request that has its own auth) keep the run short; inject-run.test.ts runs it whole.
  const collection = realisticCollection() as { item: Array<{ name: string }> };
  collection.item = collection.item.filter((item) => ["Schemas", "Segments", "Public"].includes(item.name));
  writeFileSync(temp.path("acme.json"), JSON.stringify(collection, null, "\t"));
});
afterAll(async () => {
  await ctx.close();
  temp.remove();
});

/** The secrets and settings as a CI job holds them: environment variables. */
function ciVariables(flow: "jwt" | "oauth-s2s"): Record<string, string> {
  const { integration } = ctx.credential;
  const common = {
    API_KEY: integration.clientId,
    CLIENT_SECRET: integration.clientSecret,
    IMS_ORG: integration.orgId,
    IMS: ctx.emulator.host,
    PLATFORM_HOST: ctx.emulator.host,
    SANDBOX_NAME: "prod",
  };
  return flow === "jwt"
    ? // The GitLab recipe's way: the PEM key as base64, in a masked single-line variable.
      {
        ...common,
        TECHNICAL_ACCOUNT_ID: integration.technicalAccountId,
        META_SCOPE: integration.metascopes.join(","),
        PRIVATE_KEY: Buffer.from(ctx.credential.privateKeyPem).toString("base64"),
      }
    : { ...common, SCOPES: (integration.scopes ?? []).join(",") };
}

describe.each(["oauth-s2s", "jwt"] as const)("the CI recipe's steps, %s", (flow) => {
  it("inject, env with --set NAME from the job's variables, newman run with the JUnit reporter: green, no secret printed", async () => {
    const variables = ciVariables(flow);
    const collection = temp.path(`${flow}-collection.json`);
    const environment = temp.path(`${flow}.postman_environment.json`);
    const report = temp.path(`${flow}-junit.xml`);

    const injected = await runMain(["inject", temp.path("acme.json"), "-o", collection, "--flows", flow]);
    expect(injected.code).toBe(0);
    const names = Object.keys(variables);
    const env = await runMain(["env", "--template", "workshop", "-o", environment, ...names.flatMap((name) => ["--set", name])], {
      env: variables,
    });
    expect(env.stderr).toBe("");
    expect(env.code).toBe(0);

    const run = await runCli(
      [
        "run",
        collection,
        "-e",
        environment,
        "--ssl-extra-ca-certs",
        ctx.caFile,
        "--reporters",
        "cli,junit",
        "--reporter-junit-export",
        report,
      ],
      { entry: NEWMAN },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const xml = readFileSync(report, "utf8");
    // One suite per request (6 + 4 + 1 and the Authenticate request), none failed.
    expect(xml).toMatch(/<testsuites name="Acme Experience Platform" tests="12"/);
    expect(xml.match(/<testsuite .*failures="0"/g)).toHaveLength(12);
    expect(xml).not.toContain("<failure");
    expect((xml.match(/<testcase /g) ?? []).length).toBeGreaterThan(40);
    for (const output of [injected.stdout, injected.stderr, env.stdout, run.stdout, run.stderr, xml]) {
      expect(output).not.toContain(ctx.credential.integration.clientSecret);
      expect(output).not.toContain(variables.PRIVATE_KEY ?? "no key");
    }
  });
});
