// An emulator with a throwaway credential, and a runner for the generated collection against it.

import { afterAll, beforeAll, beforeEach } from "vitest";
import { ImsEmulator, type EmulatorOptions } from "../../src/emulator/ims-emulator.js";
import { type KeyPair, makeRsaKeyPair } from "../../src/emulator/certificate.js";
import { makeThrowawayCredential, type ThrowawayCredential } from "../../src/emulator/service/integration.js";
import { buildCollection } from "../../src/generator/collection/collection.js";
import { buildEnvironment, type EnvironmentFile, templateByName } from "../../src/generator/environment/environments.js";
import type { Integration } from "../../src/emulator/service/integration.js";
import { emulatorEnvironment, writeCaFile } from "../../src/runner/emulator-environment.js";
import { runCollection, type RunOptions, type RunResult } from "../../src/runner/newman-run.js";

/** A collection runner: Newman's runCollection (the default) or runWithPostmanRuntime. */
export type Runner = (options: RunOptions) => Promise<RunResult>;

export interface EmulatorContext {
  readonly emulator: ImsEmulator;
  readonly credential: ThrowawayCredential;
  /** The emulator's certificate, for runs that build their own options. */
  readonly caFile: string;
  /** Runs the generated collection with the emulator's environment, changed by `overrides`. */
  run(overrides?: Partial<Record<string, string>>, options?: Partial<RunOptions>, runner?: Runner): Promise<RunResult>;
  close(): Promise<void>;
}

/**
 * The key pair of the credential each emulator starts with, made once per test process: each credential still has
 * ids and a secret of its own, and a test that needs a key no other credential has makes its own.
 */
let startingKeys: KeyPair | undefined;
function startingKeyPair(): KeyPair {
  startingKeys ??= makeRsaKeyPair(2048);
  return startingKeys;
}

export async function startEmulator(
  credentialOptions: Parameters<typeof makeThrowawayCredential>[0] = {},
  emulatorOptions: EmulatorOptions = {},
): Promise<EmulatorContext> {
  const keys = credentialOptions.bits === undefined ? startingKeyPair() : undefined;
  const credential = makeThrowawayCredential({ keys, ...credentialOptions });
  const emulator = await ImsEmulator.start({ ...emulatorOptions, integrations: [credential.integration] });
  const ca = writeCaFile(emulator);
  return {
    emulator,
    credential,
    caFile: ca.file,
    run: (overrides = {}, options = {}, runner = runCollection) =>
      runner({
        collection: buildCollection(),
        environment: emulatorEnvironment(emulator, credential, overrides),
        caFile: ca.file,
        ...options,
      }),
    async close() {
      ca.remove();
      await emulator.close();
    },
  };
}

/** A shared emulator for a test file: started before all tests, reset before each, closed after all. */
export function useEmulator(
  credentialOptions: Parameters<typeof makeThrowawayCredential>[0] = {},
  emulatorOptions: EmulatorOptions = {},
): { readonly ctx: EmulatorContext } {
  const holder = {} as { ctx: EmulatorContext };
  beforeAll(async () => {
    holder.ctx = await startEmulator(credentialOptions, emulatorOptions);
  });
  afterAll(async () => holder.ctx.close());
  beforeEach(() => holder.ctx.emulator.reset());
  return holder;
}

/** Runs only one folder or request of the generated collection (the others have their own tests). */
export function folderRunner(shared: { readonly ctx: EmulatorContext }, folder: string): EmulatorContext["run"] {
  return (overrides = {}, options = {}, runner) => shared.ctx.run(overrides, { folder, ...options }, runner);
}

/**
 * The oauth-s2s template filled in as a student would for this emulator: an OAuth Server-to-Server credential
 * only (no key, no META_SCOPE), `values` over it.
 */
export function s2sOnlyEnvironment(emulator: ImsEmulator, integration: Integration, values: Record<string, string> = {}): EnvironmentFile {
  return buildEnvironment(templateByName("oauth-s2s"), {
    IMS: emulator.host,
    API_KEY: integration.clientId,
    CLIENT_SECRET: integration.clientSecret,
    SCOPES: (integration.scopes ?? []).join(","),
    IMS_ORG: integration.orgId,
    ...values,
  });
}
