// `login`: a user signs in in the browser (authorization code + PKCE S256 + state, through oauth4webapi); the tokens go into the environment file.

import * as oauth from "oauth4webapi";
import { LOGIN_REDIRECT_URI, readUserCredential, type UserCredential } from "../../core/config/user-config.js";
import { ImsAuthError } from "../../core/errors.js";
import { accessTokenExpiry } from "../../core/ims/token-freshness.js";
import { readCredentialsFile, variableSource } from "../token/credentials.js";
import { updateEnvironmentFile } from "../token/environment-update.js";
import { oneError } from "../token/get-access-token.js";
import { httpsFetch, type FetchLike } from "../https/https-fetch.js";
import { isLoopback, listenForRedirect } from "./loopback-redirect.js";
import { openBrowser } from "./open-browser.js";

export interface LoginOptions {
  /** The environment (Postman JSON or .env) with IMS, API_KEY, CLIENT_SECRET (Web App only) and SCOPES; the tokens are written into it. */
  readonly envFile: string;
  /** Where IMS sends the browser back: a redirect URI the credential's pattern allows (default https://localhost:8443/callback). */
  readonly redirectUri?: string | undefined;
  /** False: print the URL and read the address the browser ended on (pasted), instead of opening a browser and listening. */
  readonly openBrowser?: boolean;
  /** Extra CA certificate (PEM) to trust for IMS: a local emulator, a proxy that inspects TLS. */
  readonly ca?: string | undefined;
  /** How long to wait for the browser (default 5 minutes). */
  readonly timeoutMs?: number;
  /** Lines for the person at the terminal (stderr): never a secret. */
  readonly log: (line: string) => void;
  /** Reads the address pasted back (paste mode). */
  readonly readPasted: () => Promise<string>;
  /** Where $BROWSER is read (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface LoginResult {
  /** Who signed in, as userinfo names them (name and email), or their IMS user ID. */
  readonly user: string;
  readonly written: readonly string[];
  readonly accessTokenExpiresAt: number;
  /** When the refresh token expires, where it says (IMS writes created_at and expires_in inside it). */
  readonly refreshTokenExpiresAt: number | undefined;
  /** False when IMS gave no refresh token (a Single-Page or Native App credential, or no offline_access). */
  readonly refreshToken: boolean;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

function signInError(message: string): ImsAuthError {
  return new ImsAuthError("ERR_SIGN_IN", message);
}

function readCredential(file: string): UserCredential {
  const credentials = readCredentialsFile(file);
  if (credentials.kind === "aem") {
    throw new ImsAuthError(
      "ERR_INPUT_FILE",
      `${file} holds AEM service credentials: login needs an OAuth Web App, Single-Page App or Native App credential.`,
    );
  }
  const read = readUserCredential(variableSource(credentials));
  if (!read.ok) throw oneError(read.problems);
  if (read.value.scopes.length === 0) {
    throw new ImsAuthError(
      "ERR_MISSING_VARIABLE",
      "SCOPES is not set: list the scopes to ask for, as the credential's Scopes tab shows them, with offline_access for a refresh token (Frame.io V4: openid,email,profile,offline_access,additional_info.roles).",
      "SCOPES",
    );
  }
  return read.value;
}

/** The URL the browser came back to: from the loopback server, or pasted (a whole address, or just its ?query). */
async function redirectedUrl(authorizeUrl: URL, redirect: URL, options: LoginOptions): Promise<URL> {
  const paste = async (): Promise<URL> => {
    options.log(
      `After signing in, the browser ends on ${redirect.origin}${redirect.pathname}?code=… : copy that whole address and paste it here.`,
    );
    const text = (await options.readPasted()).trim();
    try {
      return new URL(text.startsWith("?") ? `${redirect.origin}${redirect.pathname}${text}` : text);
    } catch {
      throw signInError("What was pasted is not an address: paste the whole address the browser ended on (it holds code= and state=).");
    }
  };
  if (options.openBrowser === false) {
    options.log(`Open this address in a browser and sign in:\n${authorizeUrl.href}`);
    return paste();
  }
  if (!isLoopback(redirect)) {
    options.log(`Opening the browser to sign in (if it does not open, go to: ${authorizeUrl.href})`);
    await openBrowser(authorizeUrl.href, options.env);
    return paste();
  }
  const server = await listenForRedirect(redirect);
  try {
    options.log(
      `Waiting for the sign-in on ${redirect.origin}${redirect.pathname}. Opening the browser (if it does not open, go to: ${authorizeUrl.href})`,
    );
    options.log("The browser may warn about localhost's certificate, made just now for this sign-in: accept it to finish.");
    if (!(await openBrowser(authorizeUrl.href, options.env))) options.log("Could not start a browser: open the address above yourself.");
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            signInError(
              `No sign-in came back to ${redirect.origin}${redirect.pathname} within ${Math.round(timeoutMs / 1000)} s. If the browser ended elsewhere, ` +
                "the credential's redirect URI pattern does not allow this address (IMS then uses the default redirect URI): register it, or give " +
                "--redirect-uri one it allows; --no-browser lets you paste the address the browser ended on.",
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([server.redirected, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await server.close();
  }
}

/** IMS's refusal at the token endpoint, with what to check; the code and verifier sent are never quoted. */
function tokenError(error: unknown, credential: UserCredential): ImsAuthError {
  if (error instanceof oauth.ResponseBodyError) {
    const hint =
      error.error === "invalid_client"
        ? credential.clientSecret === undefined
          ? "Check API_KEY (a Single-Page or Native App credential's Client ID), or set CLIENT_SECRET for a Web App credential."
          : "Check API_KEY and CLIENT_SECRET against the OAuth Web App credential."
        : error.error === "invalid_grant"
          ? "The code was refused (used, expired, or sent to another redirect URI): run login again."
          : "Check IMS, API_KEY and CLIENT_SECRET against the credential.";
    return new ImsAuthError(
      "ERR_IMS_REJECTED",
      `IMS refused the sign-in's code (HTTP ${error.status} ${error.error}${error.error_description ? `: "${error.error_description.slice(0, 200)}"` : ""}). ${hint}`,
    );
  }
  const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  return new ImsAuthError(
    "ERR_IMS_UNREACHABLE",
    `Could not exchange the sign-in's code with IMS (${code ?? "an unexpected answer"}). Check IMS and your network; --ca FILE trusts a local emulator's certificate.`,
  );
}

/** Who the token belongs to, by userinfo; the user ID when userinfo says nothing more (or fails: the sign-in stands). */
async function whoIsSignedIn(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  accessToken: string,
  fetch: FetchLike,
  sub: unknown,
): Promise<string> {
  try {
    const response = await oauth.userInfoRequest(as, client, accessToken, { [oauth.customFetch]: fetch as typeof globalThis.fetch });
    const info = await oauth.processUserInfoResponse(as, client, oauth.skipSubjectCheck, response);
    const name = typeof info.name === "string" ? info.name : undefined;
    const email = typeof info.email === "string" ? info.email : undefined;
    return [name, email ? `<${email}>` : undefined].filter(Boolean).join(" ") || info.sub;
  } catch {
    return typeof sub === "string" ? sub : "(userinfo did not say)";
  }
}

/** Signs the user in and writes REFRESH_TOKEN (when IMS gives one), ACCESS_TOKEN and ACCESS_TOKEN_EXPIRES_AT into the file. */
export async function login(options: LoginOptions): Promise<LoginResult> {
  const credential = readCredential(options.envFile);
  let redirect: URL;
  try {
    redirect = new URL(options.redirectUri ?? LOGIN_REDIRECT_URI);
  } catch {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `--redirect-uri is not an address: give the one the credential registers, such as ${LOGIN_REDIRECT_URI}.`,
    );
  }
  if (redirect.protocol === "http:") {
    throw new ImsAuthError(
      "ERR_INVALID_OPTION",
      `--redirect-uri must be https: IMS takes only HTTPS redirect URIs, localhost too (${LOGIN_REDIRECT_URI}).`,
    );
  }
  const base = `https://${credential.ims}`;
  const as: oauth.AuthorizationServer = {
    issuer: base,
    authorization_endpoint: `${base}/ims/authorize/v2`,
    token_endpoint: `${base}/ims/token/v3`,
    userinfo_endpoint: `${base}/ims/userinfo/v2`,
  };
  const client: oauth.Client = { client_id: credential.clientId };
  const clientAuth = credential.clientSecret === undefined ? oauth.None() : oauth.ClientSecretPost(credential.clientSecret);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorizeUrl = new URL(as.authorization_endpoint ?? "");
  for (const [key, value] of Object.entries({
    client_id: credential.clientId,
    redirect_uri: redirect.href,
    scope: credential.scopes.join(","),
    response_type: "code",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  }))
    authorizeUrl.searchParams.set(key, value);

  const back = await redirectedUrl(authorizeUrl, redirect, options);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, back, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const said = error.error_description ? `: "${error.error_description.slice(0, 200)}"` : "";
      const hint =
        error.error === "access_denied"
          ? "The sign-in was cancelled: run login again and allow the application."
          : error.error === "invalid_scope"
            ? "Ask only for scopes the credential lists (SCOPES)."
            : "Check API_KEY, SCOPES and the credential's redirect URI pattern.";
      throw signInError(`IMS sent the browser back with ${error.error}${said}. ${hint}`);
    }
    throw signInError(
      "The address the browser came back to does not belong to this sign-in (its state differs, or it has no code): run login again.",
    );
  }
  const fetch = httpsFetch(options.ca);
  let tokens: oauth.TokenEndpointResponse;
  try {
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirect.href, verifier, {
      [oauth.customFetch]: fetch as typeof globalThis.fetch,
    });
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  } catch (error) {
    throw tokenError(error, credential);
  }
  const accessTokenExpiresAt = Date.now() + (tokens.expires_in ?? 86_399) * 1000;
  const values: Record<string, string> = { ACCESS_TOKEN: tokens.access_token, ACCESS_TOKEN_EXPIRES_AT: String(accessTokenExpiresAt) };
  if (tokens.refresh_token) values.REFRESH_TOKEN = tokens.refresh_token;
  updateEnvironmentFile(options.envFile, values);
  if (!tokens.refresh_token) {
    options.log(
      "IMS gave no refresh token: only OAuth Web App credentials get one, and only with offline_access in SCOPES, consented. " +
        "The access token lasts until it expires; sign in again then.",
    );
  }
  return {
    user: await whoIsSignedIn(as, client, tokens.access_token, fetch, (tokens as { sub?: unknown }).sub),
    written: Object.keys(values),
    accessTokenExpiresAt,
    refreshTokenExpiresAt: tokens.refresh_token ? accessTokenExpiry(tokens.refresh_token) : undefined,
    refreshToken: tokens.refresh_token !== undefined,
  };
}
