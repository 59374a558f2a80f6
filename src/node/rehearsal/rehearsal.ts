// A workshop rehearsal: the emulator with the user's own credentials (or a throwaway one), an environment pointing at it, its CA.

import { ImsAuthError } from "../../core/errors.js";
import { ImsEmulator, type EmulatorOptions } from "../../emulator/ims-emulator.js";
import { makeThrowawayCredential, type ThrowawayCredential } from "../../emulator/service/integration.js";
import { makeEnvironment } from "../../generator/environment/make-environment.js";
import { buildEnvironment, templateByName, type EnvironmentFile } from "../../generator/environment/environments.js";
import type { UserClient } from "../../emulator/user/user-clients.js";
import { checkOutputFile, writeEnvironmentFile, writeFileAtomically } from "../../files/output-file.js";
import { emulatorEnvironment } from "../../runner/emulator-environment.js";
import { readCredentialsFile, type Credentials } from "../token/credentials.js";
import { emulatorCredential, type EmulatorCredential } from "./emulator-credential.js";

export interface RehearsalOptions {
  /** Postman environments (or .env files) whose credentials to register. */
  readonly envFiles?: readonly string[];
  /** AEM service credentials (Developer Console JSON) to register. */
  readonly aemFiles?: readonly string[];
  /** Where to write an environment pointing at the emulator: a copy of the first credential's (the first --env, else the first AEM file), or the throwaway's. */
  readonly writeEnv?: string;
  /** Where to write the emulator's certificate (PEM). */
  readonly caOut?: string;
  readonly force?: boolean;
  readonly port?: number;
  readonly tokenLifetimeSeconds?: number;
  readonly onRequest?: EmulatorOptions["onRequest"];
}

export interface Rehearsal {
  readonly emulator: ImsEmulator;
  readonly credentials: readonly EmulatorCredential[];
  /** The credential made up on the spot when none was given. */
  readonly throwaway?: ThrowawayCredential;
  close(): Promise<void>;
}

interface Registered {
  readonly credential: EmulatorCredential;
  readonly read: Credentials;
}

/**
 * Reads and checks every file and the output paths first (coded errors, nothing started); then starts
 * the emulator, writes the environment and the certificate, and returns with it listening.
 */
export async function startRehearsal(options: RehearsalOptions): Promise<Rehearsal> {
  const registered: Registered[] = [
    ...(options.envFiles ?? []).map((file) => register(readCredentialsFile(file), file)),
    ...(options.aemFiles ?? []).map((file) => register(readCredentialsFile(file, "aem"), file)),
  ];
  for (const file of [options.writeEnv, options.caOut]) if (file !== undefined) checkOutputFile(file, options.force);
  const throwaway =
    registered.length === 0 ? makeThrowawayCredential({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"] }) : undefined;
  const integrations = throwaway ? [throwaway.integration] : registered.map((entry) => entry.credential.integration);
  const userClients = registered.flatMap((entry) => (entry.credential.userClient ? [entry.credential.userClient] : []));
  const emulator = await startEmulator({
    integrations,
    userClients,
    port: options.port ?? 0,
    ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeMs: options.tokenLifetimeSeconds * 1000 }),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  try {
    if (options.writeEnv !== undefined) {
      const first = registered[0];
      const env = throwaway
        ? emulatorEnvironment(emulator, throwaway)
        : first?.credential.userClient
          ? userRehearsalEnvironment(first.credential.userClient, first.read, emulator)
          : rehearsalEnvironment(first!, emulator.host);
      writeEnvironmentFile(options.writeEnv, env);
    }
    if (options.caOut !== undefined) writeFileAtomically(options.caOut, emulator.caCertificatePem);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return {
    emulator,
    credentials: registered.map((entry) => entry.credential),
    ...(throwaway ? { throwaway } : {}),
    close: () => emulator.close(),
  };
}

/** The emulator, or a coded error for a port that cannot be had (taken, or reserved for root). */
async function startEmulator(options: EmulatorOptions): Promise<ImsEmulator> {
  try {
    return await ImsEmulator.start(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    const why = code === "EADDRINUSE" ? "is in use" : "may not be used by this user";
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `port ${options.port} on 127.0.0.1 ${why}: choose another with --port N, or leave --port out for any free port.`,
    );
  }
}

function register(read: Credentials, file: string): Registered {
  return { credential: emulatorCredential(read, file), read };
}

/**
 * A user credential's rehearsal: the oauth-user environment pointed at the emulator, with a REFRESH_TOKEN of the
 * emulator's test user already signed in and consented (when the credential gets one: a Web App asking for
 * offline_access), so that the collection runs at once; `login --env` against the emulator signs in anew.
 */
function userRehearsalEnvironment(client: UserClient, read: Credentials, emulator: ImsEmulator): EnvironmentFile {
  const value = (name: string) => String(read.variables.get(name) ?? "");
  const { refreshToken } = emulator.signIn.signInWithoutBrowser(
    client.clientId,
    value("SCOPES")
      .split(/[\s,]+/)
      .filter(Boolean),
  );
  return buildEnvironment(templateByName("oauth-user"), {
    IMS: emulator.host,
    API_KEY: client.clientId,
    CLIENT_SECRET: client.clientSecret ?? "",
    SCOPES: value("SCOPES"),
    REFRESH_TOKEN: refreshToken ?? "",
    AUTH_FLOW: "user",
  });
}

/**
 * The user's environment with IMS and the sample hosts at the emulator, built by the same code as the
 * env command. AEM_HOST is moved only when set (it switches the AEM folder on); a stored token is dropped.
 */
function rehearsalEnvironment({ credential, read }: Registered, host: string): EnvironmentFile {
  const hasAemHost = (read.variables.get("AEM_HOST") ?? "") !== "";
  const set = [`IMS=${host}`, `PLATFORM_HOST=${host}`, "ACCESS_TOKEN=", "ACCESS_TOKEN_EXPIRES_AT="];
  // Full metascope URLs name the real IMS host, which the collection then refuses: keep the short names.
  if (credential.flow === "jwt") set.push(`META_SCOPE=${credential.integration.metascopes.join(",")}`);
  if (read.kind === "aem") return makeEnvironment({ aemCredentials: credential.file, aemHost: host, set });
  if (hasAemHost) set.push(`AEM_HOST=${host}`);
  if (read.kind === "dotenv")
    return makeEnvironment({ template: credential.flow === "s2s" ? "oauth-s2s" : "workshop", envFiles: [credential.file], set });
  return makeEnvironment({ fromConsole: credential.file, set });
}
