// `inject` on files: read a v2.1 collection, add our authentication, write it where the user said, in the file's own layout.

import { statSync } from "node:fs";
import { resolve } from "node:path";
import { ImsAuthError } from "../core/errors.js";
import type { FlowOption } from "../generator/collection/collection.js";
import { readAnyCollection } from "./collection-convert.js";
import { injectAuth, type Injected } from "./inject.js";
import { checkOutputChoice } from "./output-choice.js";
import { readInputFile } from "../inputs/input-file.js";
import { checkOutputFile, writeFileAtomically } from "../files/output-file.js";

export interface InjectFileRequest {
  readonly input: string;
  /** Where to write; or `inPlace` to replace the input. Exactly one of them. */
  readonly out?: string;
  readonly inPlace?: boolean;
  /** Overwrite an existing `out`. */
  readonly force?: boolean;
  readonly flows?: readonly FlowOption[];
}

export interface InjectedFile extends Injected {
  readonly file: string;
  /** What was done besides injecting (a conversion from an older format). */
  readonly notes: string[];
}

/** Checks the request, reads and checks the collection, injects, then writes once (whole or not at all). */
export function injectCollectionFile(request: InjectFileRequest): InjectedFile {
  const { input, out } = request;
  checkOutputChoice(request, {
    output: "an output file (-o FILE)",
    change: "to change the collection file itself",
    always: "in-place always replaces the collection file",
  });
  if (out !== undefined) {
    if (resolve(out) === resolve(input))
      throw new ImsAuthError("ERR_INVALID_OPTION", `the output is the input (${input}): to change it, say in-place (--in-place) instead.`);
    checkOutputFile(out, request.force);
  } else checkOutputFile(input, true); // in place: the input is replaced, so it must be a regular file
  const text = readInputFile(input, "the collection");
  const { collection, convertedFrom } = readAnyCollection(text, input);
  const result = injectAuth(collection, request.flows === undefined ? {} : { flows: request.flows });
  const notes =
    convertedFrom === undefined
      ? []
      : [
          `${input} is a Collection ${convertedFrom} export: converted to v2.1 (postman-collection-transformer), as Postman does on import.`,
        ];
  const file = out ?? input;
  // The copy may hold the collection's secrets (variables): it gets the input's permissions.
  writeFileAtomically(file, layOut(result.collection, text), statSync(input).mode & 0o777);
  return { ...result, file, notes };
}

/** JSON in the input's layout (indent, line ends, final newline), so that a collection kept in git shows a small diff. */
function layOut(value: unknown, like: string): string {
  const indent = /\n([ \t]+)"/.exec(like)?.[1] ?? "  ";
  const text = JSON.stringify(value, null, indent.startsWith("\t") ? "\t" : indent.length) + (/\n\s*$/.test(like) ? "\n" : "");
  return like.includes("\r\n") ? text.replace(/\n/g, "\r\n") : text;
}
