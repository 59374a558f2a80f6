// The main job of `npm start`: the generated collection, run by Newman against a local IMS emulator.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ImsEmulator } from "../emulator/ims-emulator.js";
import { makeThrowawayCredential } from "../emulator/service/integration.js";
import { COLLECTION_FILE } from "../generator/collection/collection.js";
import { packageRoot } from "../files/paths.js";
import { emulatorEnvironment, writeCaFile } from "./emulator-environment.js";
import { loadNewman } from "./load-newman.js";
import { runCollection } from "./newman-run.js";

export interface DemoResult {
  readonly passed: boolean;
  readonly failures: number;
  readonly imsCalls: number;
}

/** Makes a throwaway key pair and integration, starts the emulator, runs the committed collection with Newman's CLI reporter. */
export async function runDemo(log: (line: string) => void = console.log): Promise<DemoResult> {
  // Before anything starts: without Newman (an optional peer dependency) there is nothing to run.
  await loadNewman();
  const credential = makeThrowawayCredential({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"] });
  const emulator = await ImsEmulator.start({ integrations: [credential.integration] });
  const ca = writeCaFile(emulator);
  try {
    log(`Local IMS emulator on https://${emulator.host} (throwaway RSA key and integration made just now)`);
    const collection: unknown = JSON.parse(readFileSync(join(packageRoot(), "collections", COLLECTION_FILE), "utf8"));
    const result = await runCollection({
      collection,
      environment: emulatorEnvironment(emulator, credential),
      caFile: ca.file,
      reporters: ["cli"],
    });
    const passed = result.failures.length === 0 && result.stats.assertions.total > 0;
    const imsCalls = emulator.imsCalls;
    log(
      passed
        ? `All requests authenticated against the emulator: ${count(imsCalls, "IMS token call")}, ${count(emulator.calls.api, "API call")}.`
        : "Authentication failed: see the failures above.",
    );
    return { passed, failures: result.failures.length, imsCalls };
  } finally {
    ca.remove();
    await emulator.close();
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
