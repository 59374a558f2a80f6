// Body of the Server-to-Server token request's pre-request script, as a function of `pm` (Postman's, or the Bruno adapter's).

import { tokenRequestSkipNote } from "../notes/skip-notes.js";
import { readS2sConfig, s2sTokenForm } from "../../core/config/s2s-config.js";
import type { VariableSource } from "../../core/config/variables.js";
import type { SandboxHost } from "../host/host.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";
import { withVaultValues } from "../host/vault.js";

/** "IMS: OAuth Server-to-Server Token": reads vault values, checks the variables and fills the form with clean values. */
export function s2sExchange(pm: Postman, host: () => SandboxHost): void {
  const test = "OAuth Server-to-Server";
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => tokenRequestSkipNote(source, "s2s", pm.info?.requestName ?? "the OAuth Server-to-Server request"), test))
    return;
  const fail = (problems: readonly unknown[]): void => refuse(pm, problems, test);
  const fill = (resolved: VariableSource): void => {
    const checked = readS2sConfig(resolved);
    if (!checked.ok) {
      fail(checked.problems);
      return;
    }
    const form = pm.request.body?.urlencoded;
    for (const [key, value] of s2sTokenForm(checked.value)) form?.upsert({ key, value });
  };
  try {
    withVaultValues(pm, host(), source, fill, fail);
  } catch (error) {
    fail([error]);
  }
}
