// `emulator`: a local IMS emulator for rehearsals, with the user's own credentials or a throwaway one, until SIGINT or SIGTERM.

import { ImsAuthError } from "../../core/errors.js";
import type { Command, OptionValues } from "../command.js";

const USAGE = `postman-ims-auth emulator [--env FILE]... [--aem-credentials FILE]... [--write-env FILE] [--ca-out FILE]
                          [--port N] [--token-lifetime SECONDS] [--force]

  --env FILE              register the credential of this Postman environment (or .env file); repeatable
  --aem-credentials FILE  register these AEM service credentials (Developer Console JSON); repeatable
                          With neither, a throwaway credential is made (JWT and OAuth Server-to-Server).
  --write-env FILE        write an environment pointing IMS and the sample hosts at the emulator: a copy of
                          the first credential's (the first --env, else the first --aem-credentials), or a
                          complete one for the throwaway credential
  --ca-out FILE           write the emulator's certificate (for newman --ssl-extra-ca-certs FILE)
  --port N                port on 127.0.0.1 (default: any free port)
  --token-lifetime SECONDS  lifetime of the tokens it issues (default 86400), to rehearse renewal
  --force                 replace the files of --write-env and --ca-out

Prints "IMS emulator listening on https://127.0.0.1:PORT" once it accepts connections (the files are
written by then), what it registered (ids, never secrets), then one line per request. Ctrl-C or kill stops it.`;

function integerOption(values: OptionValues, name: string, min: number, max: number, what: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ImsAuthError("ERR_INVALID_OPTION", `--${name} must be ${what}, not "${String(raw).slice(0, 20)}".`);
  return value;
}

const files = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const emulator: Command = {
  name: "emulator",
  summary: "start a local IMS emulator with your own credentials (or a throwaway one) to rehearse a workshop",
  usage: USAGE,
  options: {
    env: { type: "string", multiple: true },
    "aem-credentials": { type: "string", multiple: true },
    "write-env": { type: "string" },
    "ca-out": { type: "string" },
    port: { type: "string" },
    "token-lifetime": { type: "string" },
    force: { type: "boolean" },
  },
  check(values) {
    integerOption(values, "port", 0, 65535, "a port number");
    integerOption(values, "token-lifetime", 1, 86400, "a number of seconds from 1 to 86400");
  },
  async run(values) {
    const { startRehearsal } = await import("../../node/rehearsal/rehearsal.js");
    const writeEnv = values["write-env"] === undefined ? undefined : String(values["write-env"]);
    const caOut = values["ca-out"] === undefined ? undefined : String(values["ca-out"]);
    const rehearsal = await startRehearsal({
      envFiles: files(values.env),
      aemFiles: files(values["aem-credentials"]),
      ...(writeEnv === undefined ? {} : { writeEnv }),
      ...(caOut === undefined ? {} : { caOut }),
      force: values.force === true,
      port: integerOption(values, "port", 0, 65535, "a port number") ?? 0,
      ...(values["token-lifetime"] === undefined ? {} : { tokenLifetimeSeconds: integerOption(values, "token-lifetime", 1, 86400, "") }),
      onRequest: (served) => console.log(`${served.method} ${served.path} → ${served.status}${served.error ? ` ${served.error}` : ""}`),
    });
    const { emulator: server } = rehearsal;
    console.log(`IMS emulator listening on https://${server.host}`);
    const { describeCredential } = await import("../../node/rehearsal/emulator-credential.js");
    for (const credential of rehearsal.credentials) {
      console.log(`registered ${describeCredential(credential)}`);
      for (const warning of credential.warnings) console.error(`warning: ${warning}`);
    }
    if (rehearsal.throwaway) {
      const { integration } = rehearsal.throwaway;
      console.log(
        `registered a throwaway credential: client ID ${integration.clientId}, organization ${integration.orgId} (JWT and OAuth Server-to-Server${writeEnv ? `; its secret and key are in ${writeEnv}` : ""})`,
      );
    }
    if (writeEnv) {
      const first = rehearsal.credentials[0];
      const from = !first
        ? "a complete environment for it"
        : first.userClient
          ? `the oauth-user environment of ${first.file}, with a REFRESH_TOKEN of the emulator's test user (valid on this emulator only; \`login --env ${writeEnv} --ca CA_FILE\` signs in anew)`
          : `the environment of ${first.file}`;
      console.log(`wrote ${writeEnv}: ${from}, with IMS and the sample hosts at https://${server.host}`);
    }
    if (caOut) console.log(`wrote ${caOut}: the emulator's certificate`);
    else {
      console.log("Its certificate (trust it with newman --ssl-extra-ca-certs FILE):");
      console.log(server.caCertificatePem.trim());
    }
    if (writeEnv) {
      console.log(
        `run: npx newman@6.2.2 run collections/adobe-ims.postman_collection.json -e ${writeEnv} --ssl-extra-ca-certs ${caOut ?? "CA_FILE"}`,
      );
    }
    console.log("Ctrl-C or kill stops it.");
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await rehearsal.close();
    console.log("IMS emulator stopped");
    return 0;
  },
};
