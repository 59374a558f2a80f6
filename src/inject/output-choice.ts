// Where inject writes: an output (-o) or the input itself (--in-place), exactly one; --force only with an output.

import { ImsAuthError } from "../core/errors.js";

export interface OutputChoice {
  readonly out?: string;
  readonly inPlace?: boolean;
  readonly force?: boolean;
}

/** The words for one kind of input: a collection file (Postman) or folder (Bruno). */
export interface OutputWords {
  /** "an output file (-o FILE)" */
  readonly output: string;
  /** What in-place does, after "in-place (--in-place)": "to change the collection file itself" */
  readonly change: string;
  /** Why force does not go with in-place: "in-place always replaces the collection file" */
  readonly always: string;
}

export function checkOutputChoice({ out, inPlace = false, force }: OutputChoice, words: OutputWords): void {
  if (inPlace === (out !== undefined)) {
    const why = inPlace
      ? `give ${words.output} or in-place (--in-place), not both`
      : `say where to write: ${words.output}, or in-place (--in-place) ${words.change}`;
    throw new ImsAuthError("ERR_INVALID_OPTION", `${why}.`);
  }
  if (inPlace && force) throw new ImsAuthError("ERR_INVALID_OPTION", `force (--force) goes with ${words.output}: ${words.always}.`);
}
