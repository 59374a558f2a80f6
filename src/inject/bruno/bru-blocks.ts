// A .bru file as its top-level blocks (`name {` … `}` at the start of a line), changed block by block, every other line kept.

import { ImsAuthError } from "../../core/errors.js";

/**
 * Bruno's grammar (packages/bruno-lang) ends every block at the first line that is `}` (`]` for a list),
 * and writes block contents indented by two spaces: a line inside a block never starts with `}`.
 */
const HEADER = /^([A-Za-z][\w:.-]*)\s*([{[])\s*$/;

export interface BruFile {
  readonly file: string;
  /** The lines, without line ends. */
  lines: string[];
  readonly crlf: boolean;
}

interface Block {
  readonly name: string;
  /** The header line's index. */
  readonly start: number;
  /** The closing line's index. */
  readonly end: number;
}

export function parseBru(text: string, file: string): BruFile {
  const crlf = text.includes("\r\n");
  const bru = { file, lines: (crlf ? text.replace(/\r\n/g, "\n") : text).split("\n"), crlf };
  blocks(bru);
  return bru;
}

export function bruText(bru: BruFile): string {
  const text = bru.lines.join("\n");
  return bru.crlf ? text.replace(/\n/g, "\r\n") : text;
}

function blocks(bru: BruFile): Block[] {
  const found: Block[] = [];
  for (let index = 0; index < bru.lines.length; index++) {
    const header = HEADER.exec(bru.lines[index] ?? "");
    if (!header) continue;
    const close = header[2] === "{" ? "}" : "]";
    const end = bru.lines.findIndex((line, at) => at > index && line === close);
    // Contents are indented: another block's header inside this one means its closing line is missing.
    const nested = bru.lines.slice(index + 1, end < 0 ? undefined : end).some((line) => HEADER.test(line));
    if (end < 0 || nested)
      throw new ImsAuthError(
        "ERR_INPUT_FILE",
        `${bru.file}:${index + 1}: the ${header[1]} block has no closing "${close}" line: fix the file, or open the collection in Bruno and save it again.`,
      );
    found.push({ name: header[1] ?? "", start: index, end });
    index = end;
  }
  return found;
}

const find = (bru: BruFile, name: string): Block | undefined => blocks(bru).find((block) => block.name === name);

/** The first block of `names` that the file has (a request's method block: get, post, …). */
export function firstBlock(bru: BruFile, names: readonly string[]): string | undefined {
  return blocks(bru).find((block) => names.includes(block.name))?.name;
}

/** A block's lines as written (indented), or undefined when the file has no such block. */
export function blockLines(bru: BruFile, name: string): string[] | undefined {
  const block = find(bru, name);
  return block && bru.lines.slice(block.start + 1, block.end);
}

/** A dictionary block's `key: value` pairs (disabled `~key` ones left out). */
export function pairs(bru: BruFile, name: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of blockLines(bru, name) ?? []) {
    const pair = /^\s+([^~\s:][^:]*?)\s*:\s?(.*)$/.exec(line);
    if (pair) result.set(pair[1] ?? "", pair[2] ?? "");
  }
  return result;
}

/** Sets a pair of a dictionary block, in its place, or last in the block; a missing block is added. */
export function setPair(bru: BruFile, name: string, key: string, value: string, before: readonly string[] = []): void {
  const block = find(bru, name);
  const line = `  ${key}: ${value}`;
  if (!block) {
    setBlock(bru, name, [line], before);
    return;
  }
  const at = bru.lines.findIndex(
    (text, index) => index > block.start && index < block.end && new RegExp(`^\\s+${escapeRegExp(key)}\\s*:`).test(text),
  );
  if (at >= 0) bru.lines[at] = line;
  else bru.lines.splice(block.end, 0, line);
}

/**
 * A block's lines replaced; a missing block is added before the first of `before` that is there, else
 * after the last block, after a blank line as Bruno writes them. No lines: the block is removed.
 */
export function setBlock(bru: BruFile, name: string, lines: readonly string[], before: readonly string[] = []): void {
  const block = find(bru, name);
  if (block && lines.length === 0) {
    const blank = bru.lines[block.end + 1] === "" ? 1 : 0;
    bru.lines.splice(block.start, block.end - block.start + 1 + blank);
    return;
  }
  if (block) {
    bru.lines.splice(block.start + 1, block.end - block.start - 1, ...lines);
    return;
  }
  if (lines.length === 0) return;
  const all = blocks(bru);
  const next = all.find((other) => before.includes(other.name));
  const added = [`${name} {`, ...lines, "}"];
  if (next) bru.lines.splice(next.start, 0, ...added, "");
  else {
    const last = all.at(-1);
    const at = last === undefined ? 0 : last.end + 1;
    bru.lines.splice(at, 0, ...(last === undefined ? [] : [""]), ...added);
    if (last === undefined && bru.lines.at(-1) !== "") bru.lines.push("");
  }
}

/** Text as the lines of a text block: each indented by two spaces, as Bruno's indentString does. */
export const indented = (text: string): string[] => text.split("\n").map((line) => `  ${line}`);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
