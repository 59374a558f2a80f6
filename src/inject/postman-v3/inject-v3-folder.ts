// `inject DIR` on a Postman v3 collection folder (postman/collections/NAME): in place or into a copy, every check
// and the whole plan before the first write.

import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FlowOption } from "../../generator/collection/collection.js";
import { existingOutputFiles, writeFileAtomically } from "../../files/output-file.js";
import { checkV3CollectionFolder } from "../../inputs/postman-v3-folder.js";
import { checkCopyTarget, collectionFiles, modeOf } from "../folder-copy.js";
import { checkOutputChoice } from "../output-choice.js";
import { planV3Injection, type V3Plan } from "./plan.js";

export interface InjectV3Request {
  /** The collection's folder: the one holding .resources/definition.yaml and the requests' folders. */
  readonly dir: string;
  /** A folder to write a copy into; or `inPlace` to change the collection itself. Exactly one of them. */
  readonly out?: string;
  readonly inPlace?: boolean;
  /** Let `out` be a folder that holds files already (those we write are replaced). */
  readonly force?: boolean;
  readonly flows?: readonly FlowOption[];
}

export interface InjectedV3 extends V3Plan {
  /** The folder written. */
  readonly dir: string;
}

export function injectV3Folder(request: InjectV3Request): InjectedV3 {
  const { dir, out } = request;
  checkOutputChoice(request, {
    output: "an output folder (-o DIR)",
    change: "to change the collection itself",
    always: "in-place always changes the collection",
  });
  checkV3CollectionFolder(dir, "the v3 collection folder");
  if (out !== undefined) checkCopyTarget(dir, out, request.force === true);
  const plan = planV3Injection(dir, request.flows);
  if (out === undefined) {
    for (const [path, text] of plan.changed) writeFileAtomically(join(dir, path), text, modeOf(join(dir, path)));
    for (const path of plan.removed) rmSync(join(dir, path));
  } else {
    const removed = new Set(plan.removed);
    const files = collectionFiles(dir)
      .map((path) => path.split("\\").join("/"))
      .filter((path) => !removed.has(path) && !plan.changed.has(path));
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
