// `inject --target bruno` on a folder: which format it is, where to write (in place or a copy), all checks before any write.

import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ImsAuthError } from "../../core/errors.js";
import { checkCopyTarget, checkFolderOutputChoice, type FolderInjectRequest, writeFolderPlan } from "../folder-copy.js";
import { BRU_FORMAT } from "./bru-format.js";
import type { BrunoFormat } from "./format.js";
import { type BrunoPlan, planInjection } from "./plan.js";
import { YAML_FORMAT } from "./yaml-format.js";

const COLLECTION_FILE = YAML_FORMAT.collectionFile;
/** The file that makes a folder a .bru collection (collection.bru is optional). */
const BRU_FORMAT_MARK = "bruno.json";

export type InjectBrunoRequest = FolderInjectRequest;

export interface InjectedBruno extends BrunoPlan {
  /** The folder written. */
  readonly dir: string;
}

export function injectBrunoFolder(request: InjectBrunoRequest): InjectedBruno {
  const { dir, out } = request;
  checkFolderOutputChoice(request);
  const format = checkFormat(dir);
  if (out !== undefined) checkCopyTarget(dir, out, request.force === true);
  const plan = planInjection(dir, format, request.flows);
  return { ...plan, dir: writeFolderPlan(dir, out, plan) };
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
