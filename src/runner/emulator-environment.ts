// An environment that points the collection at a running emulator with a throwaway credential.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ImsEmulator } from "../emulator/ims-emulator.js";
import type { ThrowawayCredential } from "../emulator/service/integration.js";
import { buildEnvironment, templateByFile, type EnvironmentFile } from "../generator/environment/environments.js";

export function emulatorEnvironment(
  emulator: ImsEmulator,
  credential: ThrowawayCredential,
  overrides: Partial<Record<string, string>> = {},
): EnvironmentFile {
  const { integration } = credential;
  return buildEnvironment(
    templateByFile("workshop.postman_environment.json"),
    {
      IMS: emulator.host,
      IMS_ORG: integration.orgId,
      TECHNICAL_ACCOUNT_ID: integration.technicalAccountId,
      API_KEY: integration.clientId,
      CLIENT_SECRET: integration.clientSecret,
      META_SCOPE: integration.metascopes.join(","),
      SCOPES: (integration.scopes ?? []).join(","),
      PRIVATE_KEY: credential.privateKeyPem,
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: emulator.host,
      AEM_HOST: emulator.host,
      ...overrides,
    },
    "Adobe IMS (local emulator)",
  );
}

/** Writes the emulator's certificate where Newman's sslExtraCaCerts can read it; returns the path and a cleanup. */
export function writeCaFile(emulator: ImsEmulator): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "ims-emulator-"));
  const file = join(dir, "ca.pem");
  writeFileSync(file, emulator.caCertificatePem);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
