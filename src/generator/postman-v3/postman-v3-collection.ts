// The same collection in Postman v12's v3 format for Git, from the v2.1 collection the definitions build: a folder of
// YAML files under postman/collections/, and the environment templates under postman/environments/.

import { stringify } from "yaml";
import { buildCollection, COLLECTION_FLOWS, type CollectionOptions } from "../collection/collection.js";
import { buildUserCollection } from "../collection/user-collection.js";
import { buildEnvironment, type EnvironmentFile, TEMPLATES } from "../environment/environments.js";
import { safeFileStem } from "../../files/safe-file-name.js";
import { orderOf, v3CollectionDefinition, v3FileStem, v3FolderFiles, type V2Node } from "./v3-items.js";

/** Where a repository keeps them (Postman v12's local view, `postman init`): the paths generate writes under --out. */
export const V3_COLLECTIONS = "postman/collections";
export const V3_ENVIRONMENTS = "postman/environments";
export const V3_DIR = "adobe-ims";

/**
 * YAML as Postman writes it: `postman collection migrate` 1.62's files are byte for byte this (long lines kept
 * whole, scripts as literal blocks), so a file saved again by Postman shows no diff of layout.
 */
export const v3Yaml = (value: unknown): string => stringify(value, { lineWidth: 0, minContentWidth: 0 });

/** The collection's folder: adobe-ims for the default name, else the name as a file stem ("My Workshop" → my-workshop). */
export function v3FolderName(name: string | undefined): string {
  const stem = name === undefined ? "" : safeFileStem(name).toLowerCase();
  return stem === "" ? V3_DIR : stem;
}

/** Relative path inside the collection's folder → value, from a v2.1 collection of folders of requests. */
export function v3CollectionValues(collection: V2Node): Map<string, unknown> {
  const files = new Map<string, unknown>([[".resources/definition.yaml", v3CollectionDefinition(collection)]]);
  (collection.item ?? []).forEach((folder, index) => {
    const stem = v3FileStem(folder.name ?? "");
    for (const [path, value] of v3FolderFiles(folder, orderOf(index), stem)) files.set(`${stem}/${path}`, value);
  });
  return files;
}

/** An environment's file as Postman writes one (`postman environment var set`: single quotes where quotes are needed). */
export const v3EnvironmentYaml = (environment: EnvironmentFile): string =>
  stringify(v3Environment(environment), { lineWidth: 0, minContentWidth: 0, singleQuote: true });

/** An environment as Postman v12 keeps it in Git: name and values; secrets typed secret, their values empty. */
export function v3Environment(environment: EnvironmentFile): Record<string, unknown> {
  return {
    name: environment.name,
    values: environment.values.map(({ key, value, enabled, type, description }) => ({ key, value, enabled, type, description })),
  };
}

/** An environment template's file name: oauth-s2s.postman_environment.json → oauth-s2s.environment.yaml. */
export const v3EnvironmentFile = (v2File: string): string => v2File.replace(/\.postman_environment\.json$/, ".environment.yaml");

/** Path under --out → text: what `generate --target postman-v3` writes (collections/postman/ in this repository). */
export function postmanV3Files(options: CollectionOptions = {}): Map<string, string> {
  const flows = options.flows ?? COLLECTION_FLOWS;
  const files = new Map<string, string>();
  const add = (collection: V2Node, folderName: string) => {
    for (const [path, value] of v3CollectionValues(collection)) files.set(`${V3_COLLECTIONS}/${folderName}/${path}`, v3Yaml(value));
  };
  const serviceFlows = flows.filter((flow) => flow !== "oauth-user");
  if (serviceFlows.length > 0) add(buildCollection({ ...options, flows: serviceFlows }) as V2Node, v3FolderName(options.name));
  // A user's sign-in has a collection of its own, as in the v2.1 JSON: adobe-ims-user/ beside adobe-ims/.
  if (flows.includes("oauth-user"))
    add(
      buildUserCollection(options.name) as V2Node,
      `${v3FolderName(options.name)}${serviceFlows.length > 0 || options.name === undefined ? "-user" : ""}`,
    );
  for (const template of TEMPLATES) {
    if (template.flows.some((flow) => flows.includes(flow)))
      files.set(`${V3_ENVIRONMENTS}/${v3EnvironmentFile(template.file)}`, v3EnvironmentYaml(buildEnvironment(template)));
  }
  return files;
}
