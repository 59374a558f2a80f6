// The few globals every script host we target provides (Postman's sandboxes 4.7 and 6.7, Bruno's runtimes).
// Declared by hand, because src/core and src/sandbox compile with no Node or DOM types: whatever a
// sandbox lacks must not type-check here (no `crypto`, no `TextEncoder`: Newman's sandbox has neither).

declare function setTimeout(callback: () => void, delayMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
};
