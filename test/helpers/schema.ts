// Validation of emitted collections against the official Postman Collection v2.1.0 schema.

import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

const schema = JSON.parse(readFileSync(new URL("../fixtures/postman-collection-v2.1.0.json", import.meta.url), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The schema's complaints about a collection (empty when valid). */
export function collectionSchemaErrors(collection: unknown): string[] {
  if (validate(collection)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}

const v3 = new Ajv({ allErrors: true, strict: false }).addSchema(
  JSON.parse(readFileSync(new URL("../fixtures/postman-v3-files.schema.json", import.meta.url), "utf8")) as object,
  "v3",
);

/** What a v3 file is, by its path relative to the collection's folder (environments by their name), as Postman tells them. */
export function v3FileKind(path: string): "collectionDefinition" | "folderDefinition" | "request" | "environment" {
  if (path === ".resources/definition.yaml") return "collectionDefinition";
  if (path.endsWith("/.resources/definition.yaml")) return "folderDefinition";
  if (path.endsWith(".request.yaml")) return "request";
  if (path.endsWith(".environment.yaml")) return "environment";
  throw new Error(`${path} is no v3 file we check`);
}

/** Our structural check's complaints about a parsed v3 file (empty when it passes); see the schema's description. */
export function v3SchemaErrors(path: string, value: unknown): string[] {
  const validate = v3.getSchema(`v3#/definitions/${v3FileKind(path)}`)!;
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}
