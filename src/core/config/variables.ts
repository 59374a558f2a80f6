// The variables a collection reads and writes: names, where their values come from, which are secret.

export interface VariableInfo {
  /** One line: where the value comes from. Shown in environments and error messages. */
  readonly description: string;
  /** Secrets are typed `secret` in environments and never printed. */
  readonly secret: boolean;
  /** Value put in environment templates (empty unless a safe default exists). */
  readonly default?: string;
}

/** Every variable that changes which token IMS would issue: the credential, as the flows read it. */
export const CREDENTIAL_VARIABLES = [
  "AUTH_FLOW",
  "IMS",
  "IMS_ORG",
  "TECHNICAL_ACCOUNT_ID",
  "API_KEY",
  "CLIENT_SECRET",
  "META_SCOPE",
  "SCOPES",
  "PRIVATE_KEY",
  "PRIVATE_KEY_PASSPHRASE",
  "REFRESH_TOKEN",
] as const;

export const VARIABLES = {
  IMS: {
    description: "Adobe IMS host name, without https:// or a path (ims-na1.adobelogin.com for almost everyone).",
    secret: false,
    default: "ims-na1.adobelogin.com",
  },
  IMS_ORG: {
    description: "Organization ID of the Adobe Developer Console project, ending in @AdobeOrg.",
    secret: false,
  },
  TECHNICAL_ACCOUNT_ID: {
    description: "Technical account ID of the service account (JWT) credential, ending in @techacct.adobe.com.",
    secret: false,
  },
  API_KEY: {
    description: "Client ID (API key) of the Developer Console credential.",
    secret: false,
  },
  CLIENT_SECRET: {
    description:
      "Client secret of the Developer Console credential (Retrieve client secret), or {{vault:NAME}} to read it from Postman Vault.",
    secret: true,
  },
  META_SCOPE: {
    description: "JWT only: metascopes of the credential, comma-separated (for example ent_aem_cloud_sdk).",
    secret: false,
  },
  PRIVATE_KEY: {
    description:
      "JWT only (AEM service credentials, older integrations): the PEM private key whose certificate is on the credential, from -----BEGIN to END-----, or {{vault:NAME}}.",
    secret: true,
  },
  PRIVATE_KEY_PASSPHRASE: {
    description:
      "Optional: the passphrase of PRIVATE_KEY when the key is encrypted (BEGIN ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED).",
    secret: true,
  },
  SCOPES: {
    description: "OAuth scopes of the Server-to-Server credential, comma-separated (Developer Console, the credential's Scopes).",
    secret: false,
  },
  REFRESH_TOKEN: {
    description:
      "User sign-in (OAuth Web App credential): the refresh token `postman-ims-auth login --env FILE` writes. Each renewal replaces it (the collection stores the new one here); it lasts 14 days unused.",
    secret: true,
  },
  AUTH_FLOW: {
    description:
      "Optional: jwt, oauth-s2s, user or token, to choose the flow; empty lets the collection choose (PRIVATE_KEY means jwt, REFRESH_TOKEN means user).",
    secret: false,
  },
  TOKEN_MARGIN_MINUTES: {
    description: "Optional: renew ACCESS_TOKEN when it has fewer than this many minutes left (default 10).",
    secret: false,
  },
  PLATFORM_HOST: {
    description: "Host of the Experience Platform APIs used by the sample requests (default platform.adobe.io).",
    secret: false,
  },
  SANDBOX_NAME: {
    description: "Experience Platform sandbox to work in (for example prod), sent as x-sandbox-name.",
    secret: false,
  },
  AEM_HOST: {
    description: "AEM author or publish host, e.g. author-p123-e456.adobeaemcloud.com, without https://.",
    secret: false,
  },
  ACCESS_TOKEN: {
    description: "Filled in by the Authenticate requests: the IMS access token. Leave empty.",
    secret: true,
  },
  ACCESS_TOKEN_EXPIRES_AT: {
    description: "Filled in by the Authenticate requests: when ACCESS_TOKEN expires (milliseconds since 1970).",
    secret: false,
  },
  ACCESS_TOKEN_BINDING: {
    description:
      "Filled in with ACCESS_TOKEN: which credential it was obtained for (a digest, no secret), so that a changed API_KEY, SCOPES or IMS gets a new token. Leave empty.",
    secret: false,
  },
} as const satisfies Record<string, VariableInfo>;

export type VariableName = keyof typeof VARIABLES;

/** Reads one variable by name; undefined when it is not set anywhere. */
/**
 * Reads a variable by name. `whereToSet`, given by the host that shows the messages, ends "NAME is not set." with
 * where its user sets a variable (an environment and --env-var for a run, the file for the command-line tool).
 */
export interface VariableSource {
  (name: string): unknown;
  readonly whereToSet?: (name: string) => string;
}

/** A source that reads through `read` and keeps `like`'s wording: what wrappers of a host's source return. */
export function readingLike(like: VariableSource, read: (name: string) => unknown): VariableSource {
  return like.whereToSet === undefined ? read : Object.assign(read, { whereToSet: like.whereToSet });
}
