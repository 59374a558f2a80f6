// `inject --target bruno` on a folder: which format it is, where to write (in place or a copy), all checks before any write.

import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { ImsAuthError } from "../../core/errors.js";
import { existingOutputFiles, writeFileAtomically } from "../../files/output-file.js";
import type { FlowOption } from "../../generator/collection/collection.js";
import { checkCopyTarget, collectionFiles, modeOf } from "../folder-copy.js";
import { checkOutputChoice } from "../output-choice.js";
import { BRU_FORMAT } from "./bru-format.js";
import type { BrunoFormat } from "./format.js";
import { type BrunoPlan, planInjection } from "./plan.js";
import { YAML_FORMAT } from "./yaml-format.js";

const COLLECTION_FILE = YAML_FORMAT.collectionFile;
/** The file that makes a folder a .bru collection (collection.bru is optional). */
const BRU_FORMAT_MARK = "bruno.json";

export interface InjectBrunoRequest {
  /** The collection's folder: where opencollection.yml is, or bruno.json in the .bru format. */
  readonly dir: string;
  /** A folder to write a copy into; or `inPlace` to change the collection itself. Exactly one of them. */
  readonly out?: string;
  readonly inPlace?: boolean;
  /** Let `out` be a folder that holds files already (those we write are replaced). */
  readonly force?: boolean;
  readonly flows?: readonly FlowOption[];
}

export interface InjectedBruno extends BrunoPlan {
  /** The folder written. */
  readonly dir: string;
}

export function injectBrunoFolder(request: InjectBrunoRequest): InjectedBruno {
  const { dir, out } = request;
  checkOutputChoice(request, {
    output: "an output folder (-o DIR)",
    change: "to change the collection itself",
    always: "in-place always changes the collection",
  });
  const format = checkFormat(dir);
  if (out !== undefined) checkCopyTarget(dir, out, request.force === true);
  const plan = planInjection(dir, format, request.flows);
  if (out === undefined) {
    for (const [path, text] of plan.changed) writeFileAtomically(join(dir, path), text, modeOf(join(dir, path)));
    for (const path of plan.removed) rmSync(join(dir, path));
  } else {
    const removed = new Set(plan.removed);
    const files = collectionFiles(dir).filter((path) => !removed.has(path) && !plan.changed.has(path));
    // Everything checked before the first write: a file in the way stops the copy before it starts.
    existingOutputFiles(
      [...files, ...plan.changed.keys()].map((path) => join(out, path)),
      true,
    );
    for (const path of files) writeFileAtomically(join(out, path), readFileSync(join(dir, path)), modeOf(join(dir, path)));
    for (const [path, text] of plan.changed) writeFileAtomically(join(out, path), text, modeOf(join(dir, path)));
  }
  return { ...plan, dir: out ?? dir };
}

/** Which of Bruno's formats the folder holds; anything else is refused, saying what a collection folder has. */
function checkFormat(dir: string): BrunoFormat {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(dir);
  } catch {
    throw new ImsAuthError("ERR_INPUT_FILE", `${dir} (the Bruno collection folder) does not exist: check the path.`);
  }
  if (!stats.isDirectory())
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${dir} is a file: name the Bruno collection's folder, the one that holds ${COLLECTION_FILE}.`,
    );
  if (existsSync(join(dir, COLLECTION_FILE))) return YAML_FORMAT;
  // As bru run tells them apart (bruno-cli's getCollectionFormat): opencollection.yml first, then bruno.json.
  if (existsSync(join(dir, BRU_FORMAT_MARK))) return BRU_FORMAT;
  throw new ImsAuthError(
    "ERR_INPUT_FILE",
    `${dir} is not a Bruno collection folder: it has no ${COLLECTION_FILE} (nor bruno.json, in the older .bru format). Name the folder you open in Bruno (Open Collection).`,
  );
}
