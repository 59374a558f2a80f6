// Runs one of our scripts in Bruno: `pm` from bru/req/res, wait for its work, then fail (throw), skip, or let the request go.

import type { Postman } from "../host/postman.js";
import { failTest } from "../host/postman.js";
import type { SandboxHost } from "../host/host.js";
import type { Bru, BrunoRequest, BrunoResponse, BrunoTest } from "./bruno-api.js";
import { brunoHost } from "./bruno-host.js";
import { brunoPostman, type Verdict } from "./bruno-postman.js";
import { Pending } from "./pending.js";

declare const bru: Bru;
declare const req: BrunoRequest;
declare const res: BrunoResponse | undefined;
declare const test: BrunoTest | undefined;

export type Phase = "before-request" | "tests";

/**
 * Before the request, a failed check must stop it with our message: Bruno counts a failed test
 * plus skipRequest() as a pass (exit 0), so the problems are thrown, as one object with our
 * message and no stack (ours would point into minified code). In a test script, Bruno's own
 * `test` reports them.
 */
export async function runInBruno(phase: Phase, script: (pm: Postman, host: SandboxHost) => void): Promise<void> {
  const verdict: Verdict = { failures: [], skipped: false };
  const pending = new Pending();
  let pm: Postman | undefined;
  const host = brunoHost(pending, (error) => pm && failTest(pm, "Adobe IMS access token", error));
  pm = brunoPostman(
    {
      bru,
      req,
      res: phase === "tests" && typeof res !== "undefined" ? res : undefined,
      test: phase === "tests" && typeof test === "function" ? test : undefined,
    },
    pending,
    verdict,
  );
  try {
    script(pm, host);
  } catch (error) {
    failTest(pm, "Adobe IMS access token", error);
  }
  await pending.idle();
  if (verdict.failures.length > 0) {
    // A plain object, not an Error: Bruno prints an error's message and then its stack, and in safe mode
    // QuickJS adds the stack a second time; an object with no stack prints our message once (developer
    // mode), or once plus Bruno's own frames (safe mode).
    throw { name: "ImsAuthError", message: verdict.failures.map((failure) => failure.message).join("\n") };
  }
  if (verdict.skipped) bru.runner.skipRequest();
}
