// Pre-request script of "IMS: OAuth Server-to-Server Token": checks the variables and fills the form with clean values.

import { skipTokenRequestNote } from "../../core/config/flow.js";
import { readS2sConfig, s2sTokenForm } from "../../core/config/s2s-config.js";
import { refuse, resolvedSource, skipWithNote, type Postman } from "../host/postman.js";

declare const pm: Postman;

function run(): void {
  const source = resolvedSource(pm);
  if (skipWithNote(pm, () => skipTokenRequestNote(source, "s2s"), "OAuth Server-to-Server")) return;
  const checked = readS2sConfig(source);
  if (!checked.ok) {
    refuse(pm, checked.problems, "OAuth Server-to-Server");
    return;
  }
  const form = pm.request.body?.urlencoded;
  for (const [key, value] of s2sTokenForm(checked.value)) form?.upsert({ key, value });
}

run();
