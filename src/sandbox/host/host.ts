// What the bootstrap scripts hand to the engine: the sandbox's timers, which code evaluated at global scope cannot see.

/**
 * Postman provides these (like `pm`) in the script's own scope, not as globals: the engine,
 * evaluated from a string, gets them from the script that evaluates it.
 */
export interface SandboxHost {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Called in a bootstrap script, whose scope holds the sandbox's timers. */
export function sandboxHost(): SandboxHost {
  return {
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
  };
}
