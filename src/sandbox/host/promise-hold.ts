// Waiting for a promise inside a Postman sandbox, which ends a script when no timer or request is pending.

import type { SandboxHost } from "./host.js";

/** Far more than Postman Vault ever needs; a sandbox that never settles the promise still ends with a reason. */
export const LIMIT_MS = 30_000;

/**
 * Runs `onValue` or `onError` once `promise` settles (`timedOut` is the error if it never does). A pending promise does not keep the sandbox
 * alive (a timer does): one timer holds the script open until then, and is cleared after the
 * callback has had the chance to start its own request. Nothing can reject unhandled: whatever the
 * callbacks throw goes to `onError`, and whatever that throws is dropped.
 */
export function holdUntilSettled<T>(
  host: SandboxHost,
  promise: Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
  timedOut: () => unknown,
): void {
  let settled = false;
  let fired = false;
  const settle = (run: () => void): void => {
    if (settled) return;
    settled = true;
    try {
      run();
    } catch (error) {
      try {
        onError(error);
      } catch {
        // Nothing is left to report to; never an unhandled rejection.
      }
    } finally {
      // A fired timer is gone: clearing it again would upset the sandbox's count of pending timers.
      if (!fired) host.clearTimeout(hold);
    }
  };
  const hold = host.setTimeout(() => {
    fired = true;
    settle(() => onError(timedOut()));
  }, LIMIT_MS);
  promise.then(
    (value) => settle(() => onValue(value)),
    (error: unknown) => settle(() => onError(error)),
  );
}
