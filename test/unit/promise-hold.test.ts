// Waiting for a promise inside a Postman sandbox (Postman Vault's reads): one timer holds the script open, no rejection is left unhandled.

import { describe, expect, it } from "vitest";
import type { SandboxHost } from "../../src/sandbox/host/host.js";
import { holdUntilSettled } from "../../src/sandbox/host/promise-hold.js";

describe("holdUntilSettled: the sandbox waits for a promise, and no rejection is ever left unhandled", () => {
  function fakeHost() {
    const cleared: unknown[] = [];
    const timers: Array<() => void> = [];
    const host: SandboxHost = {
      setTimeout: (callback) => timers.push(callback),
      clearTimeout: (handle) => cleared.push(handle),
    };
    return { host, cleared, fire: () => timers[0]?.() };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const timedOut = () => new Error("timed out");

  it("a value: onValue runs, then the holding timer is cleared", async () => {
    const { host, cleared } = fakeHost();
    const seen: unknown[] = [];
    holdUntilSettled(
      host,
      Promise.resolve(42),
      (value) => seen.push(["value", value, cleared.length]),
      (error) => seen.push(["error", error]),
      timedOut,
    );
    await flush();
    expect(seen).toEqual([["value", 42, 0]]);
    expect(cleared).toEqual([1]);
  });

  it("a rejection, or a throwing callback, goes to onError; a throwing onError is dropped, not unhandled", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const { host } = fakeHost();
      const errors: unknown[] = [];
      holdUntilSettled(
        host,
        Promise.reject(new Error("rejected")),
        () => undefined,
        (error) => errors.push(error),
        timedOut,
      );
      holdUntilSettled(
        host,
        Promise.resolve(1),
        () => {
          throw new Error("thrown");
        },
        (error) => errors.push(error),
        timedOut,
      );
      holdUntilSettled(
        host,
        Promise.reject(new Error("again")),
        () => undefined,
        () => {
          throw new Error("from onError");
        },
        timedOut,
      );
      await flush();
      await flush();
      expect(errors.map((error) => (error as Error).message)).toEqual(["rejected", "thrown"]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("a promise that never settles: the timer fails it with the caller's error, and a late value is ignored", async () => {
    const { host, cleared, fire } = fakeHost();
    const seen: unknown[] = [];
    let resolveLate: (value: number) => void = () => undefined;
    holdUntilSettled(
      host,
      new Promise<number>((resolve) => (resolveLate = resolve)),
      (value) => seen.push(value),
      (error) => seen.push(error),
      () => ({ code: "ERR_VAULT_UNAVAILABLE" }),
    );
    fire();
    resolveLate(7);
    await flush();
    expect(seen).toEqual([{ code: "ERR_VAULT_UNAVAILABLE" }]);
    // The fired timer is not cleared again: the sandbox would count it twice.
    expect(cleared).toEqual([]);
  });
});
