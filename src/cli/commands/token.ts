// `token`: an access token for curl and scripts, from an environment or AEM service credentials, as the collection gets it.

import { readInputFile } from "../../inputs/input-file.js";
import { getAccessTokenForFile } from "../../node/token/get-access-token.js";
import { formatToken, shellVariableName, tokenFormat } from "../../node/token/token-output.js";
import { list, usageError, type Command, type OptionValues } from "../command.js";

/** The PEM text of --ca FILE, shared with `doctor`. */
export function caOption(values: OptionValues): string | undefined {
  return values.ca === undefined ? undefined : readInputFile(String(values.ca), "the CA certificate of --ca");
}

export const token: Command = {
  name: "token",
  summary: "print an IMS access token for an environment or AEM service credentials (for curl and scripts)",
  usage: `postman-ims-auth token (--env FILE | --aem-credentials FILE) [--format json|env|header|env-var] [--set NAME[=VALUE]]… [--name NAME] [--ims HOST] [--ca FILE] [--cache FILE]

  --env FILE              Postman environment (or .env file) holding the collection's variables
  --aem-credentials FILE  AEM as a Cloud Service service credentials (Developer Console JSON)
  --format FORMAT         json (default): {"accessToken","expiresAt","expiresAtIso","flow"}
                          env:    export ACCESS_TOKEN=…   (eval "$(postman-ims-auth token … --format env)")
                          header: Authorization: Bearer …  (curl -H "$(postman-ims-auth token … --format header)")
                          env-var: --env-var ACCESS_TOKEN=… --env-var ACCESS_TOKEN_EXPIRES_AT=… --env-var AUTH_FLOW=token
                                  for later Newman or Postman CLI runs: ARGS="$(postman-ims-auth token … --format env-var)",
                                  then newman run … $ARGS (unquoted); they use the token as it is, with no secret
  --set NAME=VALUE        a value over the file's; --set NAME alone takes the environment variable NAME
                          (a CI secret, kept off the command line), e.g. --set CLIENT_SECRET
  --name NAME             the variable of --format env (default ACCESS_TOKEN)
  --ims HOST              ask this IMS host instead of the credentials' IMS (without https://)
  --ca FILE               also trust this CA certificate (PEM): a local emulator, a proxy that inspects TLS
  --cache FILE            keep tokens in FILE (mode 0600) and reuse one while it has more than
                          TOKEN_MARGIN_MINUTES (default 10) left

Only the token goes to stdout; what was done goes to stderr, without secrets. HTTPS_PROXY (or
https_proxy) sends the request through that proxy; NO_PROXY lists hosts reached directly.`,
  options: {
    env: { type: "string" },
    "aem-credentials": { type: "string" },
    format: { type: "string", default: "json" },
    name: { type: "string", default: "ACCESS_TOKEN" },
    ca: { type: "string" },
    ims: { type: "string" },
    cache: { type: "string" },
    set: { type: "string", multiple: true },
  },
  check(values) {
    if ((values.env === undefined) === (values["aem-credentials"] === undefined))
      throw usageError("give one of --env FILE and --aem-credentials FILE");
    tokenFormat(String(values.format));
    if (values.format === "env") shellVariableName(String(values.name));
  },
  async run(values) {
    const [env, aem] = [values.env, values["aem-credentials"]];
    const format = tokenFormat(String(values.format));
    const { setValues } = await import("../../generator/environment/make-environment.js");
    const token = await getAccessTokenForFile(String(env ?? aem), {
      expect: aem === undefined ? undefined : "aem",
      values: Object.fromEntries(setValues(list(values.set), process.env).map(([name, value]) => [name, value])),
      ca: caOption(values),
      ims: typeof values.ims === "string" ? values.ims : undefined,
      cacheFile: values.cache === undefined ? undefined : String(values.cache),
      log: (line) => console.error(`postman-ims-auth: ${line}`),
    });
    console.log(formatToken(token, format, String(values.name)));
    return 0;
  },
};
