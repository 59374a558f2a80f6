// One token for a whole pipeline: `token --format env-var` in the first step, two Newman steps of the whole collection
// after it, each green with no IMS call of its own and no secret.

import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { packageRoot } from "../../src/files/paths.js";
import { useEmulator } from "../helpers/emulator.js";
import { runTokenPipeline } from "../helpers/token-pipeline.js";

const shared = useEmulator({ metascopes: ["ent_aem_cloud_sdk"], scopes: ["openid", "AdobeID", "ent_aem_cloud_sdk"] });
const NEWMAN = join(packageRoot(), "node_modules", "newman", "bin", "newman.js");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it("token --format env-var, then two Newman runs of the whole collection: one IMS call for the pipeline", async () => {
  const newman = `node "${NEWMAN}" run collection.json -e ci.postman_environment.json --ssl-extra-ca-certs "$CA" $IMS_TOKEN_ARGS`;
  const pipeline = await runTokenPipeline(shared.ctx, buildCollection(), [newman, newman]);
  dirs.push(pipeline.dir);
  expect(pipeline.token.code, pipeline.token.output).toBe(0);
  expect(pipeline.args).toMatch(/^--env-var ACCESS_TOKEN=[\w.-]+ --env-var ACCESS_TOKEN_EXPIRES_AT=\d{13} --env-var AUTH_FLOW=token$/);
  for (const step of pipeline.steps) {
    expect(step.code, step.output).toBe(0);
    // Both Authenticate requests step aside for the token; every sample request passes.
    // Newman wraps console lines at 54 columns.
    expect(step.output.replace(/\n\s*│ /g, "")).toContain('skipped "IMS: OAuth Server-to-Server Token": AUTH_FLOW is token');
    expect(step.output.match(/✓ {2}(Platform|AEM) answered 200/g)).toHaveLength(3);
  }
  expect(shared.ctx.emulator.calls).toEqual({ tokenV2: 0, tokenV3: 1, jwtExchange: 0, api: 6 });
  expect(pipeline.steps.map((step) => step.output).join("")).not.toContain(shared.ctx.credential.integration.clientSecret);
});
