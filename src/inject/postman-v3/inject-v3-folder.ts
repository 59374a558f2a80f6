// `inject DIR` on a Postman v3 collection folder (postman/collections/NAME): in place or into a copy, every check
// and the whole plan before the first write.

import { checkV3CollectionFolder } from "../../inputs/postman-v3-folder.js";
import { checkCopyTarget, checkFolderOutputChoice, type FolderInjectRequest, writeFolderPlan } from "../folder-copy.js";
import { planV3Injection, type V3Plan } from "./plan.js";

export type InjectV3Request = FolderInjectRequest;

export interface InjectedV3 extends V3Plan {
  /** The folder written. */
  readonly dir: string;
}

export function injectV3Folder(request: InjectV3Request): InjectedV3 {
  const { dir, out } = request;
  checkFolderOutputChoice(request);
  checkV3CollectionFolder(dir, "the v3 collection folder");
  if (out !== undefined) checkCopyTarget(dir, out, request.force === true);
  const plan = planV3Injection(dir, request.flows);
  return { ...plan, dir: writeFolderPlan(dir, out, plan) };
}
