// The compiled sandbox scripts (dist/sandbox), as Postman event definitions.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stableId } from "./ids.js";
import { sandboxDir } from "./paths.js";

export type ScriptName = "jwt-exchange" | "token-response";

const cache = new Map<ScriptName, string>();

/** Source of a compiled script; fails with a clear message when the project was not built. */
export function scriptSource(name: ScriptName): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const file = join(sandboxDir(), `${name}.js`);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} is missing: run "npm run compile" first.`);
  }
  cache.set(name, source);
  return source;
}

export interface EventDefinition {
  listen: "prerequest" | "test";
  script: { id: string; type: "text/javascript"; exec: string[] };
}

export function scriptEvent(listen: EventDefinition["listen"], name: ScriptName, owner: string): EventDefinition {
  return {
    listen,
    script: { id: stableId(`${owner}/${listen}/${name}`), type: "text/javascript", exec: scriptSource(name).trimEnd().split("\n") },
  };
}
