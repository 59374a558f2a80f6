// Our code inside someone else's script: a block between marker lines, so that injecting again replaces it.

import { ImsAuthError } from "../core/errors.js";

const TOOL = "postman-ims-auth";
const BEGIN = new RegExp(`^// >>> ${TOOL} (\\S+)\\b`);
const END = new RegExp(`^// <<< ${TOOL} (\\S+)\\s*$`);

/** The lines of a block: our marker, the script, the closing marker. */
export function scriptBlock(name: string, lines: readonly string[]): string[] {
  return [
    `// >>> ${TOOL} ${name}: added by "${TOOL} inject"; running inject again replaces this block, do not edit it`,
    ...lines,
    `// <<< ${TOOL} ${name}`,
  ];
}

export interface Stripped {
  readonly exec: string[];
  /** Whether a block of ours was found (and removed). */
  readonly found: boolean;
}

/**
 * The script without any block of ours, every other line as it was. A block whose closing marker
 * was deleted by hand is refused rather than guessed at: removing "to the end" could take the user's code.
 */
export function withoutBlocks(exec: readonly string[], where: string): Stripped {
  const kept: string[] = [];
  let open: { name: string; line: number } | undefined;
  let found = false;
  exec.forEach((line, index) => {
    const text = line.trim();
    if (open) {
      if (END.exec(text)?.[1] === open.name) open = undefined;
      return;
    }
    const begin = BEGIN.exec(text);
    if (begin) {
      open = { name: begin[1] ?? "", line: index + 1 };
      found = true;
      return;
    }
    kept.push(line);
  });
  if (open) {
    const { name, line } = open;
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${where}: the ${TOOL} ${name} block that starts on line ${line} of the script has no closing "// <<< ${TOOL} ${name}" line: ` +
        "delete the block by hand (from its first marker line to the end of our code), or restore the closing line, then inject again.",
    );
  }
  return { exec: kept, found };
}

/** Postman stores a script as lines or as one text; we work on lines. */
export function execLines(exec: unknown): string[] {
  if (Array.isArray(exec)) return exec.map((line) => String(line));
  if (typeof exec === "string") return exec.split("\n");
  return [];
}
