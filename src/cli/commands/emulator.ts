// `emulator`: a local IMS emulator with a throwaway credential, until Ctrl-C.

import { ImsAuthError } from "../../core/errors.js";
import type { Command } from "../command.js";

export const emulator: Command = {
  name: "emulator",
  summary: "start a local IMS emulator with a throwaway credential and print how to use it",
  usage: "postman-ims-auth emulator [--port N]\n\n  --port N   port on 127.0.0.1 (default: any free port)",
  options: { port: { type: "string" } },
  async run(values) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ImsAuthError("ERR_INVALID_OPTION", `--port must be a port number (0 to 65535), not "${String(values.port).slice(0, 20)}".`);
    const [{ ImsEmulator }, { makeThrowawayCredential }] = await Promise.all([
      import("../../emulator/ims-emulator.js"),
      import("../../emulator/integration.js"),
    ]);
    const credential = makeThrowawayCredential();
    const server = await ImsEmulator.start({ integrations: [credential.integration], port });
    console.log(`IMS emulator listening on https://${server.host} (Ctrl-C stops it)`);
    console.log(`IMS=${server.host}  API_KEY=${credential.integration.clientId}  IMS_ORG=${credential.integration.orgId}`);
    console.log("Its certificate (trust it with newman --ssl-extra-ca-certs FILE):");
    console.log(server.caCertificatePem.trim());
    await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    await server.close();
    return 0;
  },
};
