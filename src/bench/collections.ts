// The benchmark's collections: N copies of the sample API request, differing only in the collection-level script.

import { buildCollection, collectionAuthParts } from "../generator/collection/collection.js";
import { PLATFORM_FOLDER } from "../generator/collection/sample-apis.js";
import { inlineEvent } from "../generator/collection/scripts.js";
import { adobeBaselineScript } from "./adobe-baseline.js";

/**
 * none: no script at all (a static token); one-line: a one-line pre-request script; one-line-pair: a one-line
 * pre-request script and a one-line test script, as many sandbox runs per request as ours (auto-auth and the 401
 * watcher); auto-auth: ours; adobe: the workshop collection's sign-and-exchange on every request.
 */
export type Variant = "none" | "one-line" | "one-line-pair" | "auto-auth" | "adobe";
export const VARIANTS: readonly Variant[] = ["none", "one-line", "one-line-pair", "auto-auth", "adobe"];

export const ONE_LINE_SCRIPT = 'if (!pm.variables.get("ACCESS_TOKEN")) console.info("no token");';
export const ONE_LINE_TEST_SCRIPT = 'if (pm.response.code === 401) console.info("401");';

type Item = { name: string; id?: string; event?: unknown[]; item?: Item[] };

function collectionEvents(variant: Variant): unknown[] {
  switch (variant) {
    case "none":
      return [];
    case "one-line":
      return [inlineEvent("prerequest", [ONE_LINE_SCRIPT], "bench/one-line")];
    case "one-line-pair":
      return [
        inlineEvent("prerequest", [ONE_LINE_SCRIPT], "bench/one-line"),
        inlineEvent("test", [ONE_LINE_TEST_SCRIPT], "bench/one-line"),
      ];
    case "auto-auth":
      return collectionAuthParts().event;
    case "adobe":
      return [inlineEvent("prerequest", adobeBaselineScript(), "bench/adobe")];
  }
}

/**
 * The generated collection's auth (Bearer {{ACCESS_TOKEN}}) and sample request, `count` times, with
 * the request's own test script removed: the variants differ in their collection-level script only.
 */
export function benchCollection(variant: Variant, count: number): Record<string, unknown> {
  const collection = buildCollection({ name: `Benchmark: ${variant}` }) as Record<string, unknown> & { item: Item[] };
  const sample = collection.item.find((item) => item.name === PLATFORM_FOLDER)?.item?.[0];
  if (!sample) throw new Error("the generated collection has no sample API request");
  const { event: _tests, ...request } = sample;
  collection.item = Array.from({ length: count }, (_, index) => ({ ...request, id: undefined, name: `API request ${index + 1}` }));
  collection.event = collectionEvents(variant);
  return collection;
}

/** The generated collection as shipped (auto-auth, the 401 watcher, and the sample request's own test), `count` times. */
export function shippedCollection(count: number): Record<string, unknown> {
  const collection = buildCollection() as Record<string, unknown> & { item: Item[] };
  const platform = collection.item.find((item) => item.name === PLATFORM_FOLDER);
  const sample = platform?.item?.[0];
  if (!platform || !sample) throw new Error("the generated collection has no sample API request");
  platform.item = Array.from({ length: count }, (_, index) => ({ ...sample, id: undefined, name: `API request ${index + 1}` }));
  return collection;
}

/** The sizes the benchmark reports for the scripts a variant adds at collection level. */
export function variantScript(variant: Variant): string {
  const events = collectionEvents(variant) as Array<{ script: { exec: string[] } }>;
  return events.map((event) => event.script.exec.join("\n")).join("\n");
}
