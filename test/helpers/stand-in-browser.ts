// A stand-in for the user's browser ($BROWSER): a small script that opens the sign-in address, answers the consent page
// as a person would (Allow, or Cancel), and follows the redirect to login's loopback server, accepting its certificate.

import { chmodSync, writeFileSync } from "node:fs";

/**
 * Writes the script to `file` (executable). It trusts IMS through NODE_EXTRA_CA_CERTS, like the login it is started by;
 * the loopback's certificate, made by login for this sign-in, it accepts as a person clicks through the warning.
 * Each step's method, host and path (never a query: it holds the code) is appended to `log`.
 */
export function writeStandInBrowser(file: string, log: string, decision: "allow" | "deny" = "allow"): void {
  const script = `#!${process.execPath}
const https = require("node:https");
const fs = require("node:fs");
const note = (line) => fs.appendFileSync(${JSON.stringify(log)}, line + "\\n");
function go(address, options = {}) {
  const url = new URL(address);
  const loopback = url.hostname === "localhost";
  note((options.method || "GET") + " " + url.host + url.pathname);
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: options.method || "GET", headers: options.headers || {}, rejectUnauthorized: !loopback }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: response.statusCode, location: response.headers.location, body }));
    });
    request.on("error", reject);
    request.end(options.body || "");
  });
}
(async () => {
  let answer = await go(process.argv[2]);
  if (answer.status === 200) {
    const interaction = /name="interaction" value="([^"]+)"/.exec(answer.body)[1];
    const body = new URLSearchParams({ interaction, decision: ${JSON.stringify(decision)} }).toString();
    const action = new URL("/ims/authorize/v2/consent", process.argv[2]).href;
    answer = await go(action, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } });
  }
  if (answer.status !== 302) throw new Error("no redirect: HTTP " + answer.status);
  const landed = await go(answer.location);
  note("landed " + landed.status + " " + (/<h1>([^<]*)<\\/h1>/.exec(landed.body) || [])[1]);
})().catch((error) => note("failed " + error.message));
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
}
