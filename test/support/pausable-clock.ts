import type { Clock } from "../../provider/backends/clock.js";

/**
 * A monotonic clock that follows real time until `pause()`, then stands still. Throttling tests let retries wait
 * for a real refill first, then pause so that "the bucket is spent" does not depend on how fast a loaded machine
 * sends the next few requests.
 */
export class PausableClock implements Clock {
  #frozenAt: number | undefined;

  now(): number {
    return this.#frozenAt ?? performance.now();
  }

  pause(): void {
    this.#frozenAt = performance.now();
  }
}
