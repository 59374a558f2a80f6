// `login`: a user signs in in the browser; REFRESH_TOKEN, ACCESS_TOKEN and its expiry are written into the environment file.

import { createInterface } from "node:readline";
import { LOGIN_REDIRECT_URI } from "../../core/config/user-config.js";
import { caOption } from "./token.js";
import { usageError, type Command } from "../command.js";

/** One line from stdin (the address pasted back), or "" at its end. */
function readLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    let answered = false;
    lines.once("line", (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once("close", () => {
      if (!answered) resolve("");
    });
  });
}

export const login: Command = {
  name: "login",
  summary:
    "sign a user in in the browser (OAuth Web App, Single-Page or Native App credential) and write REFRESH_TOKEN into the environment",
  usage: `postman-ims-auth login --env FILE [--redirect-uri URI] [--no-browser] [--ca FILE] [--timeout SECONDS]

  --env FILE          the environment (oauth-user template, or a .env file) with IMS, API_KEY, SCOPES and, for an
                      OAuth Web App credential, CLIENT_SECRET; REFRESH_TOKEN, ACCESS_TOKEN and ACCESS_TOKEN_EXPIRES_AT
                      are written into it (mode 0600; every other value and the file's layout are kept)
  --redirect-uri URI  where IMS sends the browser back: one the credential's Redirect URI pattern allows
                      (default ${LOGIN_REDIRECT_URI}: register the pattern https://localhost:8443/callback).
                      On localhost, login listens there over HTTPS with a certificate it makes (the browser asks
                      you to accept it once); any other address: paste the address the browser ended on
  --no-browser        print the sign-in address instead of opening a browser, then read the address the browser
                      ended on (paste it, with its ?code=…&state=…)
  --ca FILE           also trust this CA certificate (PEM) for IMS: a local emulator, a proxy that inspects TLS
  --timeout SECONDS   how long to wait for the browser (default 300)

Authorization code with PKCE (S256) and state, through oauth4webapi. The browser is $BROWSER when set, else the
system's opener. Nothing secret is printed: not the code, the verifier, the client secret or the tokens.`,
  options: {
    env: { type: "string" },
    "redirect-uri": { type: "string" },
    "no-browser": { type: "boolean" },
    ca: { type: "string" },
    timeout: { type: "string" },
  },
  check(values) {
    if (values.env === undefined) throw usageError("give the environment to sign in with and write into: --env FILE");
    const timeout = values.timeout === undefined ? 300 : Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 3600)
      throw usageError("--timeout must be a number of seconds from 1 to 3600");
  },
  async run(values) {
    const { login: signIn } = await import("../../node/login/login.js");
    const file = String(values.env);
    const result = await signIn({
      envFile: file,
      redirectUri: values["redirect-uri"] === undefined ? undefined : String(values["redirect-uri"]),
      openBrowser: values["no-browser"] !== true,
      ca: caOption(values),
      timeoutMs: (values.timeout === undefined ? 300 : Number(values.timeout)) * 1000,
      log: (line) => console.error(`postman-ims-auth: ${line}`),
      readPasted: readLine,
    });
    const until = (ms: number | undefined) => (ms === undefined ? "" : ` (until ${new Date(ms).toISOString()})`);
    const refresh = result.refreshToken ? `REFRESH_TOKEN${until(result.refreshTokenExpiresAt)}, ` : "";
    console.log(`signed in as ${result.user}; wrote ${refresh}ACCESS_TOKEN${until(result.accessTokenExpiresAt)} into ${file}`);
    return 0;
  },
};
