// The benchmark: IMS calls, per-request overhead in both runtimes, signing time in each sandbox, script sizes.

import { bindingValue } from "../core/ims/token-binding.js";
import { cpus, loadavg } from "node:os";
import { ImsEmulator } from "../emulator/ims-emulator.js";
import { makeThrowawayCredential } from "../emulator/service/integration.js";
import { emulatorEnvironment, writeCaFile } from "../runner/emulator-environment.js";
import { benchCollection, shippedCollection, type Variant } from "./collections.js";
import { judge, type BenchResults, type ImsCallsRow, type PerRequestRow, type SigningRow } from "./results.js";
import { RUNTIMES, exported, timedRun, type RuntimeName, type TimedRun } from "./runs.js";
import { readSigningSample, signingCollection, type SigningSample } from "./signing.js";
import type { BenchSettings } from "./settings.js";
import { scriptSizes } from "./sizes.js";
import { median, rotate, round } from "./stats.js";

const TIMED: readonly Variant[] = ["none", "one-line", "one-line-pair", "auto-auth"];
const FLOWS = [
  ["s2s", { PRIVATE_KEY: "", META_SCOPE: "" }],
  ["jwt", { SCOPES: "" }],
] as const;

export async function runBench(settings: BenchSettings, log: (line: string) => void = () => undefined): Promise<BenchResults> {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  const credential = makeThrowawayCredential({ metascopes: ["ent_dataservices_sdk"] });
  const emulator = await ImsEmulator.start({ integrations: [credential.integration] });
  const ca = writeCaFile(emulator);
  const options = { caFile: ca.file };
  try {
    // IMS calls for N requests from no token, then from the environment that run exported.
    const imsCalls: ImsCallsRow[] = [];
    let token: Record<string, string> = {};
    for (const [runtime, runner] of RUNTIMES) {
      for (const [flow, overrides] of FLOWS) {
        log(`IMS calls: ${runtime}, ${flow}, ${settings.requests} requests`);
        const environment = emulatorEnvironment(emulator, credential, overrides);
        const collection = shippedCollection(settings.requests);
        const first = await timedRun(emulator, runner, { ...options, collection, folder: "Platform", environment });
        const second = await timedRun(emulator, runner, {
          ...options,
          collection,
          folder: "Platform",
          environment: exported(environment, first.environment),
        });
        imsCalls.push({
          runtime,
          flow,
          requests: settings.requests,
          fromEmpty: first.imsCalls,
          fromExported: second.imsCalls,
          failures: first.failures + second.failures,
        });
        token = {
          ACCESS_TOKEN: second.environment.ACCESS_TOKEN ?? "",
          ACCESS_TOKEN_EXPIRES_AT: second.environment.ACCESS_TOKEN_EXPIRES_AT ?? "",
        };
      }
    }

    // Every timed run starts with a valid token, the JWT credential's variables set (the baseline signs with them).
    const timed = exported(emulatorEnvironment(emulator, credential, { SCOPES: "" }), token);
    // Bound to the timed runs' variables, as a token the collection obtained for them is: every request takes the fast path.
    const value = (name: string) => timed.values.find((variable) => variable.key === name)?.value;
    const environment = exported(timed, { ACCESS_TOKEN_BINDING: bindingValue(token.ACCESS_TOKEN ?? "", value) });
    const runs = new Map<string, TimedRun[]>();
    const record = (key: string, run: TimedRun) => runs.set(key, [...(runs.get(key) ?? []), run]);
    const signing = new Map<RuntimeName, SigningSample[]>();
    for (const [, runner] of RUNTIMES)
      await timedRun(emulator, runner, { ...options, collection: benchCollection("none", 5), environment }); // warm-up

    for (let r = 0; r < settings.rounds; r++) {
      for (const [runtime, runner] of rotate(RUNTIMES, r)) {
        log(`round ${r + 1}/${settings.rounds}: ${runtime}`);
        for (const variant of rotate(TIMED, r)) {
          record(
            `${runtime}/${variant}`,
            await timedRun(emulator, runner, { ...options, collection: benchCollection(variant, settings.requests), environment }),
          );
        }
        if (r < settings.adobeRounds) {
          for (const variant of rotate(["none", "adobe"] as const, r)) {
            const collection = benchCollection(variant, settings.adobeRequests);
            record(`${runtime}/${variant}@adobe`, await timedRun(emulator, runner, { ...options, collection, environment }));
          }
        }
        const sample = await timedRun(emulator, runner, {
          ...options,
          collection: signingCollection(settings.signingBatches, settings.signingPerBatch),
          environment,
        });
        signing.set(runtime, [...(signing.get(runtime) ?? []), readSigningSample(sample.environment)]);
      }
    }

    const perRequest: PerRequestRow[] = [];
    const signingRows: SigningRow[] = [];
    for (const [runtime] of RUNTIMES) {
      const series = (key: string) => runs.get(`${runtime}/${key}`) ?? [];
      const oneLine = overhead(series("one-line"), series("none"), settings.requests);
      const pair = overhead(series("one-line-pair"), series("none"), settings.requests);
      const row = (variant: Variant, own: TimedRun[], none: TimedRun[], count: number): PerRequestRow => {
        const extra = overhead(own, none, count);
        return {
          runtime,
          variant,
          requests: count,
          runs: own.length,
          msPerRequest: round(median(own.map((run) => run.ms)) / count),
          overheadMs: round(extra),
          ratioToNone: round(median(own.map((run, i) => run.ms / (none[i]?.ms ?? Number.NaN))), 3),
          ratioToOneLine: variant === "none" || variant === "one-line" ? undefined : round(extra / oneLine, 2),
          ratioToPair: variant === "auto-auth" || variant === "adobe" ? round(extra / pair, 2) : undefined,
          imsCallsPerRun: Math.max(...own.map((run) => run.imsCalls)),
          failures: own.reduce((sum, run) => sum + run.failures, 0),
          consoleProblems: own.reduce((sum, run) => sum + run.consoleProblems, 0),
        };
      };
      for (const variant of TIMED) perRequest.push(row(variant, series(variant), series("none"), settings.requests));
      perRequest.push(row("adobe", series("adobe@adobe"), series("none@adobe"), settings.adobeRequests));

      const samples = signing.get(runtime) ?? [];
      signingRows.push({
        runtime,
        jsrsasignMs: round(median(samples.flatMap((sample) => sample.jsrsasignMs))),
        engineLoadMs: median(samples.map((sample) => sample.engineLoadMs)),
        keyParseMs: median(samples.map((sample) => sample.keyParseMs)),
        samples: samples.reduce((sum, sample) => sum + sample.jsrsasignMs.length, 0),
      });
    }

    const machine = { node: process.version, cpus: cpus().length, loadBefore: round(loadBefore), loadAfter: round(loadavg()[0] ?? 0) };
    const sizes = scriptSizes();
    return judge({
      settings,
      machine,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      imsCalls,
      sizes,
      signing: signingRows,
      perRequest,
    });
  } finally {
    ca.remove();
    await emulator.close();
  }
}

/** Median over rounds of the extra time per request of `own` against `none` run in the same round. */
function overhead(own: readonly TimedRun[], none: readonly TimedRun[], count: number): number {
  return median(own.map((run, i) => (run.ms - (none[i]?.ms ?? Number.NaN)) / count));
}
