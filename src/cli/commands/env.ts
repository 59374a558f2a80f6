// `env`: one environment file, from a template with values, from AEM service credentials, or from a Developer Console download.

import type { EnvironmentRequest } from "../../generator/environment/make-environment.js";
import { list, usageError, type Command, type OptionValues } from "../command.js";

const text = (value: OptionValues[string]): string | undefined => (typeof value === "string" ? value : undefined);

function request(values: OptionValues): EnvironmentRequest & { out: string; force: boolean } {
  const optional = {
    template: text(values.template),
    aemCredentials: text(values["aem-credentials"]),
    aemHost: text(values["aem-host"]),
    fromConsole: text(values["from-console"]),
    name: text(values.name),
  };
  return {
    ...(Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)) as Partial<typeof optional>),
    envFiles: list(values.dotenv),
    setFiles: list(values["set-file"]),
    set: list(values.set),
    out: String(values.out),
    force: Boolean(values.force),
    withoutSecrets: Boolean(values["without-secrets"]),
  };
}

export const env: Command = {
  name: "env",
  summary: "make an environment: from a template and values, AEM service credentials, or a Developer Console download",
  usage: `postman-ims-auth env -o FILE [SOURCE] [VALUES] [--name NAME] [--force]

  -o, --out FILE            the environment file to write (0600: it holds secrets)
  --force                   overwrite FILE if it exists
  --name NAME               the environment's name
  --without-secrets         leave every secret empty: a file to commit, secrets given at run time
                            (newman --env-var CLIENT_SECRET=… from a CI secret)

SOURCE (one; default: the workshop template)
  --template NAME           oauth-s2s, aem or workshop (JWT and S2S variables)
  --aem-credentials FILE    AEM service credentials (AEM Developer Console → Get Service Credentials)
  --aem-host HOST           with --aem-credentials: the AEM author or publish host, without https://
  --from-console FILE       Adobe Developer Console's "Download for Postman" file; its variable names are kept

VALUES (later ones win)
  --dotenv FILE             KEY=VALUE lines (.env style; quote a PEM key between double quotes)
  --set-file NAME=FILE      NAME's value is the text of FILE (a private key)
  --set NAME=VALUE          a value
  --set NAME                the value of the environment variable NAME (keeps secrets off the command line)`,
  options: {
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
    "without-secrets": { type: "boolean" },
    name: { type: "string" },
    template: { type: "string" },
    "aem-credentials": { type: "string" },
    "aem-host": { type: "string" },
    "from-console": { type: "string" },
    // Not --env-file: Node 20 takes that flag for itself even after the script name.
    dotenv: { type: "string", multiple: true },
    "set-file": { type: "string", multiple: true },
    set: { type: "string", multiple: true },
  },
  check(values) {
    if (values.out === undefined) throw usageError("say where to write the environment: -o FILE");
  },
  async run(values) {
    const { createEnvironmentFile } = await import("../../generator/environment/make-environment.js");
    const environment = createEnvironmentFile({ ...request(values), processEnv: process.env });
    const empty = environment.values
      .filter((value) => value.value === "" && !value.key.startsWith("ACCESS_TOKEN"))
      .map((value) => value.key);
    const secrets = environment.values.filter((value) => value.type === "secret").map((value) => value.key);
    console.log(
      `wrote ${String(values.out)}: environment "${environment.name}", ${environment.values.length} variables` +
        ` (secret: ${secrets.join(", ") || "none"}; empty: ${empty.join(", ") || "none"})`,
    );
    return 0;
  },
};
