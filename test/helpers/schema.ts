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
