// Pre-request script of "IMS: OAuth Server-to-Server Token": checks the variables and fills the form with clean values.

import { readS2sConfig, s2sTokenForm } from "../core/s2s-config.js";
import { refuse, resolvedSource, type Postman } from "./postman.js";

declare const pm: Postman;

function run(): void {
  const checked = readS2sConfig(resolvedSource(pm));
  if (!checked.ok) {
    refuse(pm, checked.problems, "OAuth Server-to-Server");
    return;
  }
  const form = pm.request.body?.urlencoded;
  for (const [key, value] of s2sTokenForm(checked.value)) form?.upsert({ key, value });
}

run();
