// Work a Bruno script started and must wait for: Bruno ends a script when its async wrapper returns.

/**
 * Counts timers and requests in flight. A callback runs before its hold is released, so work it
 * starts is counted before the count can reach zero: `idle` resolves once nothing is left.
 */
export class Pending {
  private count = 0;
  private wake: (() => void) | undefined;

  hold(): () => void {
    this.count += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.count -= 1;
      if (this.count === 0 && this.wake) this.wake();
    };
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => (this.wake = resolve));
  }
}
