// `npm run bench -- --bruno`: what the automatic authentication costs per request in `bru run`, on its fast path
// (a fresh token given), against no script and a one-line script, in both of Bruno's sandboxes.

import { bindingValue } from "../core/ims/token-binding.js";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { homedir, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ImsEmulator } from "../emulator/ims-emulator.js";
import { makeThrowawayCredential } from "../emulator/service/integration.js";
import { packageRoot } from "../files/paths.js";
import { median, round, rotate } from "./stats.js";

export interface BrunoBenchOptions {
  readonly requests: number;
  readonly rounds: number;
}

/** Median milliseconds per request of each collection-level script, in one of Bruno's sandboxes. */
export interface BrunoBenchRow {
  readonly sandbox: (typeof SANDBOXES)[number];
  readonly noScriptMs: number;
  readonly oneLineMs: number;
  readonly autoAuthMs: number;
}

export interface BrunoBenchResults {
  readonly options: BrunoBenchOptions;
  /** The machine's load average (1 minute) when the benchmark started. */
  readonly load: number;
  readonly rows: BrunoBenchRow[];
}

const SANDBOXES = ["safe", "developer"] as const;
/** What the collection-level before-request script is; no request has a script of its own. */
const VARIANTS = ["no script", "one-line script", "auto-auth"] as const;
type Variant = (typeof VARIANTS)[number];

/** `bru` as `npm run test:bruno` installs it (scripts/bruno-cli.mjs); this benchmark does not install it. */
function bruEntry(): string {
  const cache = process.env.POSTMAN_IMS_AUTH_CACHE || join(homedir(), ".cache", "postman-ims-auth");
  const entry = join(cache, "bruno-cli-4.1.0", "node_modules", "@usebruno", "cli", "bin", "bru.js");
  if (!existsSync(entry)) throw new Error(`Bruno's CLI is not in ${cache}: run npm run test:bruno once to install it`);
  return entry;
}

/** The generated collection with the Platform request `count` times, its own scripts removed, and the chosen collection script. */
function collection(dir: string, variant: Variant, count: number): void {
  cpSync(join(packageRoot(), "collections", "bruno", "adobe-ims"), dir, { recursive: true });
  const file = join(dir, "Platform", "Platform- List sandboxes.yml");
  const platform = JSON.parse(readFileSync(file, "utf8")) as { info: { name: string; seq: number }; runtime: { scripts: unknown[] } };
  platform.runtime.scripts = [];
  rmSync(file);
  for (let index = 1; index <= count; index++) {
    const copy = { ...platform, info: { ...platform.info, name: `List sandboxes ${index}`, seq: index } };
    writeFileSync(join(dir, "Platform", `request-${index}.yml`), JSON.stringify(copy));
  }
  const rootFile = join(dir, "opencollection.yml");
  const root = JSON.parse(readFileSync(rootFile, "utf8")) as { request: { scripts: { type: string; code: string }[] } };
  if (variant === "no script") root.request.scripts = [];
  if (variant === "one-line script")
    root.request.scripts = [{ type: "before-request", code: 'if (!bru.getVar("ACCESS_TOKEN")) console.log("no token");' }];
  writeFileSync(rootFile, JSON.stringify(root));
}

function tokenFrom(emulator: ImsEmulator, form: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `https://${emulator.host}/ims/token/v3`,
      { method: "POST", ca: emulator.caCertificatePem, headers: { "content-type": "application/x-www-form-urlencoded" } },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        response.on("end", () => resolve((JSON.parse(body) as { access_token: string }).access_token));
      },
    );
    sent.on("error", reject);
    sent.end(new URLSearchParams(form).toString());
  });
}

/** One `bru run Platform`: Bruno's own "Duration (ms)", after checking that every request passed without an IMS call. */
function run(entry: string, dir: string, args: readonly string[], home: string, emulator: ImsEmulator): Promise<number> {
  emulator.reset();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [entry, "run", "Platform", ...args],
      { cwd: dir, env: { PATH: process.env.PATH ?? "", HOME: home }, maxBuffer: 256 * 1024 * 1024, timeout: 600_000 },
      (error, stdout) => {
        const duration = /Duration \(ms\)\s*│\s*(\d+)/.exec(stdout)?.[1];
        if (error || duration === undefined || emulator.calls.tokenV3 !== 0) {
          reject(new Error(`bru run failed in ${dir} (${emulator.calls.tokenV3} IMS calls): ${stdout.slice(-2000)}`));
          return;
        }
        resolve(Number(duration));
      },
    );
  });
}

export async function runBrunoBench(options: BrunoBenchOptions, log: (line: string) => void): Promise<BrunoBenchResults> {
  const entry = bruEntry();
  const load = round(loadavg()[0] ?? 0);
  const credential = makeThrowawayCredential();
  const { integration } = credential;
  const emulator = await ImsEmulator.start({ integrations: [integration] });
  const work = mkdtempSync(join(tmpdir(), "bench-bruno-"));
  try {
    writeFileSync(join(work, "ca.pem"), emulator.caCertificatePem);
    const scopes = (integration.scopes ?? []).join(",");
    const token = await tokenFrom(emulator, {
      grant_type: "client_credentials",
      client_id: integration.clientId,
      client_secret: integration.clientSecret,
      scope: scopes,
    });
    const values = {
      IMS: emulator.host,
      API_KEY: integration.clientId,
      IMS_ORG: integration.orgId,
      SCOPES: scopes,
      SANDBOX_NAME: "prod",
      PLATFORM_HOST: emulator.host,
      ACCESS_TOKEN: token,
      ACCESS_TOKEN_EXPIRES_AT: String(Date.now() + 3_600_000),
    };
    // Bound to these variables, as a token the collection obtained is: every timed request takes the fast path.
    Object.assign(values, { ACCESS_TOKEN_BINDING: bindingValue(token, (name) => (values as Record<string, string>)[name]) });
    const vars = Object.entries(values).flatMap(([key, value]) => ["--env-var", `${key}=${value}`]);
    for (const variant of VARIANTS) collection(join(work, variant), variant, options.requests);
    const times = new Map<string, number[]>();
    for (let turn = 0; turn < options.rounds; turn++) {
      for (const sandbox of SANDBOXES) {
        for (const variant of rotate(VARIANTS, turn)) {
          const args = ["--env", "oauth-s2s", ...vars, "--sandbox", sandbox, "--cacert", join(work, "ca.pem")];
          const ms = await run(entry, join(work, variant), args, work, emulator);
          log(`round ${turn + 1}: ${sandbox}, ${variant}: ${ms} ms`);
          times.set(`${sandbox} ${variant}`, [...(times.get(`${sandbox} ${variant}`) ?? []), ms]);
        }
      }
    }
    const perRequest = (sandbox: string, variant: Variant) => round(median(times.get(`${sandbox} ${variant}`)!) / options.requests);
    const rows = SANDBOXES.map((sandbox) => ({
      sandbox,
      noScriptMs: perRequest(sandbox, "no script"),
      oneLineMs: perRequest(sandbox, "one-line script"),
      autoAuthMs: perRequest(sandbox, "auto-auth"),
    }));
    return { options, load, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
    await emulator.close();
  }
}

/** The results as `npm run bench -- --bruno` prints them and docs/benchmark.md quotes them. */
export function formatBrunoResults({ options, load, rows }: BrunoBenchResults): string {
  return [
    `bru run 4.1.0, ${options.requests} requests with a fresh token, medians of ${options.rounds} (load ${load.toFixed(2)})`,
    "",
    "| sandbox | no script | one-line script | auto-auth | auto-auth over one-line | × one-line |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.sandbox} | ${row.noScriptMs} ms | ${row.oneLineMs} ms | ${row.autoAuthMs} ms | ` +
        `${round(row.autoAuthMs - row.oneLineMs)} ms | ${round(row.autoAuthMs / row.oneLineMs)} |`,
    ),
  ].join("\n");
}
