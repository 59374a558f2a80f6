// What the bootstrap scripts hand to the engine: the sandbox's timers and WebCrypto, which code evaluated at global scope cannot see.

/**
 * Postman provides these (like `pm`) in the script's own scope, not as globals: the engine,
 * evaluated from a string, gets them from the script that evaluates it.
 */
export interface SandboxHost {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The sandbox's `crypto` (WebCrypto in the Postman app's sandbox 6); undefined in Newman's. */
  readonly crypto: unknown;
}

/** Called in a bootstrap script, whose scope holds the sandbox's timers and `crypto`. */
export function sandboxHost(): SandboxHost {
  return {
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
    // `typeof`: a missing `crypto` (Newman) is no ReferenceError. Reading it prints no warning in either sandbox.
    crypto: typeof crypto === "undefined" ? undefined : crypto,
  };
}
