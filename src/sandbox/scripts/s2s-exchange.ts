// Pre-request script of "IMS: OAuth Server-to-Server Token": reads vault values, checks the variables and fills the form with clean values.

import { skipTokenRequestNote } from "../../core/config/flow.js";
import { readS2sConfig, s2sTokenForm } from "../../core/config/s2s-config.js";
import type { VariableSource } from "../../core/config/variables.js";
import { sandboxHost } from "../host/host.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";
import { withVaultValues } from "../host/vault.js";

declare const pm: Postman;

const TEST = "OAuth Server-to-Server";

function run(): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => skipTokenRequestNote(source, "s2s"), TEST)) return;
  const fail = (problems: readonly unknown[]): void => refuse(pm, problems, TEST);
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
    withVaultValues(pm, sandboxHost(), source, fill, fail);
  } catch (error) {
    fail([error]);
  }
}

run();
