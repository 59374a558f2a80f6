// Collections for tests: the generated one with its sample API request repeated, and environments carried between runs.

import { buildCollection } from "../../src/generator/collection/collection.js";
import type { EnvironmentFile } from "../../src/generator/environment/environments.js";

type Item = { name: string; id?: string; item?: Item[] };

/** The generated collection whose Platform folder holds `count` copies of its sample request. */
export function apiCollection(count: number): Record<string, unknown> {
  const collection = buildCollection() as { item: Item[] };
  const platform = collection.item.find((item) => item.name === "Platform")!;
  const sample = platform.item![0]!;
  platform.item = Array.from({ length: count }, (_, index) => ({ ...sample, id: undefined, name: `API request ${index + 1}` }));
  return collection;
}

/** The environment as a run left it (`--export-environment`), to start the next run from. */
export function carriedEnvironment(environment: EnvironmentFile, finalValues: Record<string, string>): EnvironmentFile {
  return { ...environment, values: environment.values.map((value) => ({ ...value, value: finalValues[value.key] ?? value.value })) };
}
