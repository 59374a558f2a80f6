// Timers for the engine in Bruno, counted so the script waits for them (safe mode has no clearTimeout).

import type { SandboxHost } from "../host/host.js";
import type { Pending } from "./pending.js";

interface Timer {
  cancelled: boolean;
  release: () => void;
  native: unknown;
}

/** `onError`: what a timer's callback threw, reported instead of lost in a floating promise. */
export function brunoHost(pending: Pending, onError: (error: unknown) => void): SandboxHost {
  // Safe mode (QuickJS) has no clearTimeout: a cleared timer is only forgotten, and fires into nothing.
  const hasClear = typeof clearTimeout === "function";
  return {
    setTimeout(callback, delayMs) {
      const timer: Timer = { cancelled: false, release: pending.hold(), native: undefined };
      // Safe mode's setTimeout is Bruno's own (an async function over bru.sleep); developer mode's is Node's.
      timer.native = setTimeout(() => {
        if (timer.cancelled) return;
        try {
          callback();
        } catch (error) {
          onError(error);
        } finally {
          timer.release();
        }
      }, delayMs);
      return timer;
    },
    clearTimeout(handle) {
      const timer = handle as Timer;
      timer.cancelled = true;
      timer.release();
      if (hasClear) clearTimeout(timer.native as Parameters<typeof clearTimeout>[0]);
    },
  };
}
