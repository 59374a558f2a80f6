// The engine a script carries: its deflated literal, unpacked and digested, and the readable source for it.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { sandboxDir } from "../files/paths.js";

export interface CarriedEngine {
  readonly digest: string;
  readonly source: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "latin1").digest("hex");

/** The engine inside a script's lines (the long base64 literal), or undefined when it carries none or it does not inflate. */
export function carriedEngine(lines: readonly string[]): CarriedEngine | undefined {
  const blob = /"([A-Za-z0-9+/]{1000,}={0,2})"/.exec(lines.join("\n"))?.[1];
  if (blob === undefined) return undefined;
  try {
    const source = inflateRawSync(Buffer.from(blob, "base64")).toString("latin1");
    return { digest: sha256(source), source };
  } catch {
    return undefined;
  }
}

/** This version's engine: its digest, and the same bundle before terser minified it (what a reviewer reads). */
export function builtEngine(): { digest: string; readable: string } {
  return {
    digest: sha256(readFileSync(join(sandboxDir(), "engine.js"), "latin1")),
    readable: readFileSync(join(sandboxDir(), "engine.readable.js"), "utf8"),
  };
}
