// The same collection for Bruno, from the same definitions as the Postman one: an OpenCollection (YAML) folder, Bruno's default format.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SampleSwitch } from "../../core/config/sample-checks.js";
import { VARIABLES } from "../../core/config/variables.js";
import { authenticateFolder, COLLECTION_FLOWS, type FlowOption } from "../collection/collection.js";
import type { ItemDefinition } from "../collection/requests.js";
import { AEM, aemFolder, PLATFORM, platformFolder } from "../collection/sample-apis.js";
import type { ScriptName } from "../collection/scripts.js";
import { buildEnvironment, TEMPLATES } from "../environment/environments.js";
import { sandboxDir } from "../files/paths.js";
import { safeFileStem } from "../files/safe-file-name.js";

export const BRUNO_DIR = "adobe-ims";

/** The collection's folder: adobe-ims for the default name, else the name as a file stem ("My Workshop" → my-workshop). */
export function brunoFolderName(name: string | undefined): string {
  const stem = name === undefined ? "" : safeFileStem(name).toLowerCase();
  return stem === "" ? BRUNO_DIR : stem;
}

/** A Bruno script: our compiled IIFE, then the await Bruno needs to keep it running until its work is done. */
export function brunoScript(name: ScriptName, argument?: SampleSwitch): string {
  const path = join(sandboxDir(), "bruno", `${name}.js`);
  const source = readFileSync(path, "utf8").trimEnd();
  return `${source}\nawait __imsAuth.run(${argument ? JSON.stringify(argument) : ""});`;
}

/**
 * Written as JSON, which is YAML too (every JSON document is YAML 1.2): Bruno reads it with its YAML
 * parser, and no YAML library has to ship with the command line. Bruno rewrites it as block YAML
 * when you save a change in the app.
 */
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const docs = (content: string | undefined) => (content ? { docs: { content, type: "text/markdown" } } : {});
const fileName = (name: string): string => name.replace(/[\\/:*?"<>|]/g, "-");

interface PostmanRequest {
  method: string;
  url: string;
  header?: { key: string; value: string }[];
  body?: { urlencoded?: { key: string; value: string; description?: string }[] };
}

function request(item: ItemDefinition, seq: number, sample: SampleSwitch | undefined): unknown {
  const definition = item.request as unknown as PostmanRequest;
  const ims = definition.url.includes("/ims/");
  const form = definition.body?.urlencoded;
  const scripts = ims
    ? [
        { type: "before-request", code: brunoScript(definition.url.includes("/ims/exchange/jwt") ? "jwt-exchange" : "s2s-exchange") },
        { type: "tests", code: brunoScript("token-response") },
      ]
    : [
        { type: "before-request", code: brunoScript("sample-guard", sample) },
        {
          type: "tests",
          code: `${brunoScript("api-response")}\ntest(${JSON.stringify(`${sample?.folder} answered 200`)}, function () {\n  expect(res.getStatus()).to.equal(200);\n});`,
        },
      ];
  return {
    info: { name: item.name, type: "http", seq },
    http: {
      method: definition.method,
      url: definition.url,
      ...(definition.header?.length ? { headers: definition.header.map(({ key, value }) => ({ name: key, value })) } : {}),
      ...(form
        ? {
            body: {
              type: "form-urlencoded",
              data: form.map(({ key, value, description }) => ({ name: key, value, ...(description ? { description } : {}) })),
            },
          }
        : {}),
      // The token requests authenticate with their form (no auth); the API requests inherit the collection's Bearer token.
      ...(ims ? {} : { auth: "inherit" }),
    },
    runtime: { scripts },
    ...docs(item.description),
  };
}

/** A folder as values (folder.yml, then one file a request), paths relative to the folder; `inject --target bruno` writes them as block YAML. */
export function brunoFolder(
  folder: ItemDefinition,
  seq: number,
  sample?: SampleSwitch,
  description = folder.description,
): Map<string, unknown> {
  const files = new Map<string, unknown>();
  files.set("folder.yml", { info: { name: folder.name, type: "folder", seq }, ...docs(description) });
  (folder.item ?? []).forEach((item, position) => {
    files.set(`${fileName(item.name)}.yml`, request(item, position + 1, sample));
  });
  return files;
}

/** Relative path → file text, as `generate --target bruno` writes them under DIR/adobe-ims/. */
export function brunoFiles(flows: readonly FlowOption[] = COLLECTION_FLOWS, name = "Adobe IMS"): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    "opencollection.yml",
    text({
      opencollection: "1.0.0",
      info: { name },
      request: {
        auth: { type: "bearer", token: "{{ACCESS_TOKEN}}" },
        variables: [{ name: "PLATFORM_HOST", value: "platform.adobe.io", description: VARIABLES.PLATFORM_HOST.description }],
        scripts: [{ type: "before-request", code: brunoScript("auto-auth") }],
      },
      docs: {
        content:
          "Authenticate to Adobe APIs from Bruno. Open it, choose an environment (oauth-s2s, workshop, aem), fill in your credential's " +
          "values, and send any request: a token is obtained and renewed automatically (OAuth Server-to-Server or JWT) and kept in " +
          "Bruno's runtime variables as ACCESS_TOKEN, never written to a file. Generated by postman-ims-auth: do not edit by hand.",
        type: "text/markdown",
      },
      bundled: false,
    }),
  );
  const folders: [ItemDefinition, SampleSwitch | undefined][] = [
    [authenticateFolder(flows), undefined],
    [platformFolder(), PLATFORM],
    [aemFolder(), AEM],
  ];
  folders.forEach(([folder, sample], index) => {
    for (const [relative, value] of brunoFolder(folder, index + 1, sample)) files.set(join(folder.name, relative), text(value));
  });
  for (const template of TEMPLATES) {
    if (!template.flows.some((flow) => flows.includes(flow))) continue;
    const environment = buildEnvironment(template);
    // Secrets are marked secret and carry no value: the Bruno app keeps their values encrypted, outside the file.
    const variables = environment.values.map(({ key, value, type, description }) =>
      type === "secret" ? { secret: true, name: key, description } : { name: key, value, description },
    );
    files.set(
      join("environments", template.file.replace(/\.postman_environment\.json$/, ".yml")),
      text({ name: environment.name, variables }),
    );
  }
  return files;
}
