// The readable block comment on top of every emitted sandbox script: what it is, from which package, what it
// touches, what it carries, and how to check it.

/** What a script is for and which variables it reads and writes (a test checks these against what the script does). */
export interface ScriptInfo {
  readonly what: string;
  readonly reads: readonly string[];
  /** Read only when a token must be obtained (the slow path). */
  readonly readsToRenew?: readonly string[];
  readonly writes: readonly string[];
}

const CREDENTIALS = [
  "AUTH_FLOW",
  "IMS",
  "API_KEY",
  "CLIENT_SECRET",
  "SCOPES",
  "IMS_ORG",
  "TECHNICAL_ACCOUNT_ID",
  "META_SCOPE",
  "PRIVATE_KEY",
  "PRIVATE_KEY_PASSPHRASE",
  "REFRESH_TOKEN",
];

export const SCRIPT_INFO: Readonly<Record<string, ScriptInfo>> = {
  "auto-auth": {
    what:
      "the collection-level pre-request script. Before every request it returns at once while ACCESS_TOKEN has more " +
      "than TOKEN_MARGIN_MINUTES left and ACCESS_TOKEN_BINDING says it was obtained for the credential the variables " +
      "hold now; otherwise it unpacks the engine carried below, checks its SHA-256, and gets a token from Adobe IMS " +
      "(OAuth Server-to-Server, JWT, or a user's REFRESH_TOKEN) with pm.sendRequest.",
    reads: [
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
      "TOKEN_MARGIN_MINUTES",
      "AUTH_FLOW",
      "IMS",
      "API_KEY",
      "SCOPES",
      "META_SCOPE",
      "IMS_ORG",
      "TECHNICAL_ACCOUNT_ID",
      "REFRESH_TOKEN (its SHA-256 tag only)",
    ],
    readsToRenew: [...CREDENTIALS, "IMS_AUTH_RUN_FAILURE (a refusal already reported in this run)"],
    writes: [
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
      "REFRESH_TOKEN (the one IMS returns, where the spent one was)",
      "IMS_AUTH_RUN_FAILURE (local variable: this run only)",
    ],
  },
  "jwt-exchange": {
    what:
      "the pre-request script of the JWT request. It unpacks the engine carried below, checks its SHA-256, signs an " +
      "RS256 JWT with PRIVATE_KEY and puts it in the request's jwt_token field (skipped when the environment holds another credential).",
    reads: CREDENTIALS,
    writes: ["the request's form field jwt_token"],
  },
  "s2s-exchange": {
    what: "the pre-request script of the OAuth Server-to-Server request: checks the credential and fills the request's form with clean values.",
    reads: CREDENTIALS,
    writes: ["the request's form fields client_id, client_secret, scope"],
  },
  "token-response": {
    what:
      "the test script of both Authenticate requests: stores the token IMS issued, or fails the test with IMS's reason and " +
      "a hint, and remembers the refusal so that the requests after it report it instead of asking IMS again.",
    reads: ["ACCESS_TOKEN", "IMS_AUTH_RUN_FAILURE", ...CREDENTIALS, "(the credential's values key the refusal)"],
    writes: [
      "ACCESS_TOKEN",
      "ACCESS_TOKEN_EXPIRES_AT",
      "ACCESS_TOKEN_BINDING",
      "REFRESH_TOKEN (when IMS returns one)",
      "IMS_AUTH_RUN_FAILURE (local variable: this run only)",
    ],
  },
  "401-watcher": {
    what:
      "the collection-level test script, the 401 watcher: after a 401, marks the token stale so the next request renews it, " +
      "once per token; a 401 with the token obtained because of one is not renewed again, and its likely cause is said once " +
      "(a user's sign-in with no REFRESH_TOKEN: says how to sign in).",
    reads: ["ACCESS_TOKEN and ACCESS_TOKEN_BINDING (on a 401)", "AUTH_FLOW and REFRESH_TOKEN (on a 401)"],
    writes: ["ACCESS_TOKEN_EXPIRES_AT (0, on a 401)", "ACCESS_TOKEN_BINDING (on a second 401)"],
  },
  "sample-guard": {
    what: "the pre-request script of the sample requests: skips them while their folder's switch variable is unset, checks what they send.",
    reads: [...CREDENTIALS, "ACCESS_TOKEN", "SANDBOX_NAME", "PLATFORM_HOST", "AEM_HOST"],
    writes: [],
  },
};

export interface HeaderInput {
  readonly name: string;
  readonly version: string;
  /** The script's source file, relative to the package. */
  readonly source: string;
  /** package.json's repository URL, when it has one. */
  readonly repository?: string;
  readonly engine?: { readonly digest: string; readonly size: number };
  /** Third-party notices, one per bundled package. */
  readonly notices: readonly string[];
  /** The Bruno entries: the same script behind the Bruno adapter. */
  readonly bruno?: boolean;
}

const WIDTH = 112;

/** Words of `text` in lines of at most WIDTH characters, the first prefixed by `first`, the next by `next`. */
function wrap(first: string, text: string, next = " *   "): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== first.trim()) {
      lines.push(line);
      line = next;
    }
    line += (line.endsWith(" ") ? "" : " ") + word;
  }
  return [...lines, line];
}

const list = (names: readonly string[], none: string) => (names.length > 0 ? names.join(", ") : none);

const BRUNO_ADAPTER =
  "Variables are read through bru.interpolate and written with bru.setVar (runtime variables, never saved to a file); " +
  "a refusal is thrown, so the request is not sent and bru run exits non-zero.";

const BRUNO_SLOW_PATH =
  "Only the token check is code that Bruno reads before each request; the rest is carried as text and run " +
  "(new Function) when a token must be obtained.";

/** The Postman wording of a script's description, in Bruno's terms. */
function brunoWording(what: string): string {
  return what.replace(/pm\.sendRequest/g, "bru.sendRequest").replace(/fails the test/g, "fails");
}

export function scriptHeader(input: HeaderInput): string {
  const info = SCRIPT_INFO[input.name];
  if (!info) throw new Error(`scripts/script-header.ts has no entry for the sandbox script "${input.name}"`);
  const from = input.repository ? `${input.repository} (${input.source})` : `${input.source} of the postman-ims-auth package`;
  const lines = [
    ...(input.bruno
      ? wrap(
          `/*! postman-ims-auth ${input.version} ${input.name} for Bruno:`,
          `${brunoWording(info.what)} ${BRUNO_ADAPTER}${input.name === "auto-auth" ? ` ${BRUNO_SLOW_PATH}` : ""}`,
          " * ",
        )
      : wrap(`/*! postman-ims-auth ${input.version} ${input.name}:`, info.what, " * ")),
    ...wrap(" * Reads:", list(info.reads, "nothing") + (info.readsToRenew ? `; to get a token also ${list(info.readsToRenew, "")}.` : ".")),
    ...wrap(" * Writes:", `${list(info.writes, "nothing")}.`),
    ...(input.engine
      ? [` * Engine: SHA-256 ${input.engine.digest}, ${input.engine.size} bytes, carried deflated below; checked before it runs.`]
      : []),
    ...wrap(" * Source:", `${from} ${input.version}; Apache-2.0 (LICENSE).`),
    ...wrap(
      " * Includes:",
      input.notices.length > 0 ? `${input.notices.join("; ")}. Full texts: THIRD_PARTY_NOTICES.` : "no third-party code.",
    ),
    ...wrap(
      " * Verify:",
      input.bruno
        ? `postman-ims-auth generate --target bruno (version ${input.version} of the package) writes this script byte for byte.`
        : `postman-ims-auth verify COLLECTION.json (version ${input.version} of the package) says whether this script is byte for byte what it builds.`,
    ),
    " */",
  ];
  const header = lines.join("\n");
  if (header.indexOf("*/") !== header.length - 2) throw new Error(`the header of ${input.name} would close its comment early`);
  return header;
}
