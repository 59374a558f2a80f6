// getAccessToken: the collection's way to a token (same flows, checks, retries and errors), from Node.

import { configurationKey } from "../../core/config/configuration-key.js";
import { ImsAuthError } from "../../core/errors.js";
import type { AuthFlow } from "../../core/config/flow.js";
import type { IssuedToken } from "../../core/ims/ims-response.js";
import { exchangeToken } from "../../core/ims/token-exchange.js";
import { planToken, type TokenRequest } from "../../core/ims/token-request.js";
import { readingLike, type VariableSource } from "../../core/config/variables.js";
import { readCredentials, readCredentialsFile, variableSource, withIms, type CredentialsInput } from "./credentials.js";
import { httpsTransport, type HttpsOptions } from "../https/https-transport.js";
import { cachedToken, cacheToken } from "./token-file.js";
import { updateEnvironmentFile } from "./environment-update.js";

/** The flows in words, for the lines a person reads ("an OAuth Server-to-Server token"). */
const FLOW_WORDS: Record<AuthFlow, string> = {
  s2s: "OAuth Server-to-Server",
  jwt: "JWT (service account)",
  user: "user (signed-in)",
  token: "pasted",
};
const FLOW_ARTICLE: Record<AuthFlow, string> = { s2s: "an", jwt: "a", user: "a", token: "a" };

export interface AccessToken {
  readonly accessToken: string;
  /** Absolute expiry, milliseconds since 1970; undefined only for a pasted ACCESS_TOKEN that does not say. */
  readonly expiresAt: number | undefined;
  readonly flow: AuthFlow;
  /** A user's renewal: the refresh token IMS returned; the one sent is spent and must be replaced by this one. */
  readonly refreshToken?: string;
}

export interface GetAccessTokenOptions extends HttpsOptions {
  /** A JSON file (created with mode 0600) where tokens are kept and reused while valid for the safety margin. */
  readonly cacheFile?: string | undefined;
  /** Diagnostics without secrets (what was done, until when the token is valid), e.g. for stderr. */
  readonly log?: ((line: string) => void) | undefined;
  /** The IMS host to ask, instead of the credentials' IMS. */
  readonly ims?: string | undefined;
}

/**
 * A token for the credentials, as the collection would get it: the flow is chosen from the variables
 * (or AUTH_FLOW), the same checks run, IMS is asked over HTTPS with the same retries. Failures are
 * the collection's coded ImsAuthError; several problems with the variables come as one error listing all.
 */
export async function getAccessToken(config: CredentialsInput, options: GetAccessTokenOptions = {}): Promise<AccessToken> {
  return tokenFor(variableSource(withIms(readCredentials(config), options.ims)), options);
}

/**
 * The same for a credentials file (see readCredentialsFile): what the `token` command does. `values` win over
 * the file's (a CI secret given at run time to a committed environment without secrets).
 */
export async function getAccessTokenForFile(
  file: string,
  options: GetAccessTokenOptions & { expect?: "aem"; values?: Readonly<Record<string, string>> } = {},
): Promise<AccessToken> {
  const credentials = readCredentialsFile(file, options.expect);
  const fromFile = variableSource(withIms(credentials, options.ims));
  const values = options.values ?? {};
  const token = await tokenFor(
    readingLike(fromFile, (name) => (Object.hasOwn(values, name) ? values[name] : fromFile(name))),
    options,
  );
  // IMS spent the refresh token: the new one goes into the file, or the next run would present a spent one.
  if (token.refreshToken !== undefined && credentials.kind !== "aem") {
    updateEnvironmentFile(file, { REFRESH_TOKEN: token.refreshToken });
    options.log?.(
      `stored the new REFRESH_TOKEN IMS returned in ${file} (the one used is spent${Object.hasOwn(values, "REFRESH_TOKEN") ? "; save the new one where --set REFRESH_TOKEN came from" : ""})`,
    );
  }
  return token;
}

/** The same, from a variable source (the doctor's online check uses it on files it has read). */
export async function tokenFor(source: VariableSource, options: GetAccessTokenOptions = {}): Promise<AccessToken> {
  const log = options.log ?? (() => undefined);
  const now = Date.now();
  const plan = planToken(source, now);
  if (!plan.ok) throw oneError(plan.problems);
  if (plan.flow === "token") {
    log(`using the pasted ACCESS_TOKEN (${until(plan.expiresAt)})`);
    return { accessToken: plan.accessToken, expiresAt: plan.expiresAt, flow: "token" };
  }
  // A user's refresh token changes on every renewal: the cache is keyed on the credential and user without it.
  const key = configurationKey(plan.flow === "user" ? (name) => (name === "REFRESH_TOKEN" ? "" : source(name)) : source);
  const cached = options.cacheFile === undefined ? undefined : cachedToken(options.cacheFile, key, source, now);
  if (cached) {
    log(`reused the cached ${FLOW_WORDS[plan.flow]} token from ${options.cacheFile} (${until(cached.expiresAt)})`);
    return { accessToken: cached.accessToken, expiresAt: cached.expiresAt, flow: cached.flow };
  }
  const token = await exchange(plan.request, options);
  log(
    `IMS at ${plan.request.url.split("/")[2]} issued ${FLOW_ARTICLE[plan.flow]} ${FLOW_WORDS[plan.flow]} token (${until(token.expiresAt)})`,
  );
  if (options.cacheFile !== undefined) cacheToken(options.cacheFile, key, plan.flow, token, Date.now());
  return {
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    flow: plan.flow,
    ...(token.refreshToken === undefined ? {} : { refreshToken: token.refreshToken }),
  };
}

function exchange(request: TokenRequest, options: HttpsOptions): Promise<IssuedToken> {
  return new Promise((resolve, reject) => {
    exchangeToken(request, httpsTransport(options), setTimeout, (error, token) => (token ? resolve(token) : reject(error)));
  });
}

function until(expiresAt: number | undefined): string {
  return expiresAt === undefined ? "it does not say when it expires" : `valid until ${new Date(expiresAt).toISOString()}`;
}

/** One error for a program to catch: the first problem's code and variable, every problem in the message. */
export function oneError(problems: readonly ImsAuthError[]): ImsAuthError {
  const [first, ...rest] = problems;
  if (!first) return new ImsAuthError("ERR_AUTH_FLOW", "No access token could be obtained.");
  if (rest.length === 0) return first;
  const list = problems.map((problem) => `\n  - ${problem.code}: ${problem.message}`).join("");
  return new ImsAuthError(first.code, `${problems.length} problems with the credentials:${list}`, first.variable);
}
