// The compiled sandbox scripts (dist/sandbox), as Postman event definitions.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stableId } from "./ids.js";
import { sandboxDir } from "../../files/paths.js";

export const SCRIPT_NAMES = ["auto-auth", "jwt-exchange", "s2s-exchange", "token-response", "401-watcher", "sample-guard"] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

const cache = new Map<string, string>();

function readBuilt(file: string): string {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const path = join(sandboxDir(), file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`${path} is missing: run "npm run compile" first.`);
  }
  cache.set(file, text);
  return text;
}

/** Source of a compiled script; fails with a clear message when the project was not built. */
export function scriptSource(name: ScriptName): string {
  return readBuilt(`${name}.js`);
}

/** Script lines as Postman stores them in `exec`. */
export function scriptLines(name: ScriptName): string[] {
  return scriptSource(name).trimEnd().split("\n");
}

export interface EventDefinition {
  listen: "prerequest" | "test";
  script: { id: string; type: "text/javascript"; exec: string[] };
}

export function scriptEvent(listen: EventDefinition["listen"], name: ScriptName, owner: string): EventDefinition {
  return inlineEvent(listen, scriptLines(name), `${owner}/${name}`);
}

/** An event from plain script lines (sample requests' tests). */
export function inlineEvent(listen: EventDefinition["listen"], exec: string[], owner: string): EventDefinition {
  return { listen, script: { id: stableId(`${owner}/${listen}`), type: "text/javascript", exec } };
}
