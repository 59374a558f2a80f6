// Credential files pointed at a running emulator: Postman environments and AEM service credentials, written to a temporary directory.

import { createPublicKey } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeSelfSignedCertificate, type KeyPair } from "../../src/emulator/certificate.js";
import type { ImsEmulator } from "../../src/emulator/ims-emulator.js";
import type { Integration, ThrowawayCredential } from "../../src/emulator/service/integration.js";
import { emulatorEnvironment } from "../../src/runner/emulator-environment.js";
import { makeAemCredentials } from "./aem-credentials.js";

export interface Workspace {
  readonly dir: string;
  /** Writes `content` (JSON unless a string) to `name` in the workspace; returns its path. */
  write(name: string, content: unknown): string;
  remove(): void;
}

export function workspace(prefix = "credentials-"): Workspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = join(dir, name);
      writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The emulator's Postman environment; `overrides` change values (an empty string empties one), and
 * `extra` adds variables the templates do not have (CERTIFICATE, AUTH_FLOW…).
 */
export function environmentFile(
  emulator: ImsEmulator,
  credential: ThrowawayCredential,
  overrides: Record<string, string> = {},
  extra: Record<string, string> = {},
) {
  const env = emulatorEnvironment(emulator, credential, overrides);
  for (const [key, value] of Object.entries(extra)) env.values.push({ key, value, type: "default", enabled: true, description: "" });
  return env;
}

/** The key pair of a throwaway credential, to make other certificates for the same key. */
export function keyPairOf(credential: ThrowawayCredential): KeyPair {
  return {
    privateKeyPem: credential.privateKeyPem,
    publicKeyPem: createPublicKey(credential.privateKeyPem).export({ type: "spki", format: "pem" }).toString(),
  };
}

/** A certificate for `keys` that ends `daysLeft` days from now (negative: already expired). */
export function certificateEnding(keys: KeyPair, daysLeft: number): string {
  const days = 365;
  const notBefore = new Date(Date.now() + (daysLeft - days) * 86_400_000);
  return makeSelfSignedCertificate(keys, { commonName: "postman-ims-auth test credential", notBefore, days });
}

/** AEM service credentials (Developer Console JSON) whose integration the emulator knows. */
export function aemCredentialsFor(emulator: ImsEmulator): ReturnType<typeof makeAemCredentials> {
  const aem = makeAemCredentials();
  const integration = aem.wrapped.integration as {
    technicalAccount: { clientId: string; clientSecret: string };
    org: string;
    id: string;
    metascopes: string;
  };
  const known: Integration = {
    clientId: integration.technicalAccount.clientId,
    clientSecret: integration.technicalAccount.clientSecret,
    orgId: integration.org,
    technicalAccountId: integration.id,
    publicKeyPem: aem.certificate,
    metascopes: integration.metascopes.split(","),
  };
  emulator.addIntegration(known);
  aem.wrapped.integration.imsEndpoint = emulator.host;
  return aem;
}

/** An access token shaped like IMS's (created_at and expires_in in milliseconds, as strings); not signed. */
export function pastedToken(createdAt: number, lifetimeMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ type: "access_token", created_at: String(createdAt), expires_in: String(lifetimeMs) })}.c2lnbmF0dXJl`;
}
