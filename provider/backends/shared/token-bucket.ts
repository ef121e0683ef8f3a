/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. Used on both sides of the wire:
 * the emulator admits or throttles requests with it (the clouds' documented per-account, per-action rates), and
 * the backends pace their own calls with it so that a large apply runs at the limit instead of into it.
 */
import type { Clock } from "../clock.js";

export interface TokenBucketOptions {
  readonly ratePerSecond: number;
  /** @default ratePerSecond (one second's worth) */
  readonly burst?: number;
  /** A monotonic clock in ms. @default performance.now */
  readonly clock?: Clock;
}

export const monotonicClock: Clock = { now: () => performance.now() };

export class TokenBucket {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly #clock: Clock;
  #tokens: number;
  #last: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0))
      throw new RangeError(`ratePerSecond must be > 0, got ${options.ratePerSecond}`);
    this.ratePerSecond = options.ratePerSecond;
    this.burst = Math.max(1, options.burst ?? options.ratePerSecond);
    this.#clock = options.clock ?? monotonicClock;
    this.#tokens = this.burst;
    this.#last = this.#clock.now();
  }

  #refill(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#last);
    this.#last = now;
    this.#tokens = Math.min(this.burst, this.#tokens + (elapsed * this.ratePerSecond) / 1000);
  }

  /** Takes a token if one is there (the server side: admit or throttle). */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /**
   * Reserves the next token and returns how long (ms) to wait before using it (the client side). Reservations
   * may run the bucket negative, so concurrent callers are spaced 1/rate apart in the order they asked.
   */
  reserve(): number {
    this.#refill();
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : (-this.#tokens * 1000) / this.ratePerSecond;
  }
}
