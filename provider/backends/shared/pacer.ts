/**
 * Client-side pacing per action: one token bucket per action name, at the cloud's documented rate (Tencent:
 * 20 requests/s per account for each VPC peering and route action), so that an apply of hundreds of peerings
 * spaces its calls instead of collecting RequestLimitExceeded answers and backing off.
 *
 * The client runs slightly under the documented rate (`headroom`) and with a smaller burst than the server's
 * bucket: request arrival jitter can then never empty the server's bucket, yet the steady rate stays at the
 * limit within a few percent.
 */
import type { Clock } from "../clock.js";
import { realSleep, type Sleep } from "./sleep.js";
import { monotonicClock, TokenBucket } from "./token-bucket.js";

export interface PacerOptions {
  /** Requests per second per action; undefined leaves an action unpaced. */
  readonly rateOf: (action: string) => number | undefined;
  /** Fraction of the documented rate the client uses. @default 0.95 */
  readonly headroom?: number;
  /** Fraction of one second's tokens the client may spend at once. @default 0.5 */
  readonly burstRatio?: number;
  /** @default a monotonic clock */
  readonly clock?: Clock;
  /** @default a real timer */
  readonly sleep?: Sleep;
}

export class Pacer {
  readonly #options: PacerOptions;
  readonly #buckets = new Map<string, TokenBucket | null>();
  readonly #sleep: Sleep;

  constructor(options: PacerOptions) {
    this.#options = options;
    this.#sleep = options.sleep ?? realSleep;
  }

  /** Resolves when a call of `action` may be sent. */
  async acquire(action: string): Promise<void> {
    const wait = this.delayFor(action);
    if (wait > 0) await this.#sleep(wait);
  }

  /** Reserves a slot for `action` and returns the wait in ms (0: go now). */
  delayFor(action: string): number {
    let bucket = this.#buckets.get(action);
    if (bucket === undefined) {
      const rate = this.#options.rateOf(action);
      bucket =
        rate === undefined || !(rate > 0)
          ? null
          : new TokenBucket({
              ratePerSecond: rate * (this.#options.headroom ?? 0.95),
              burst: Math.max(1, Math.floor(rate * (this.#options.burstRatio ?? 0.5))),
              clock: this.#options.clock ?? monotonicClock,
            });
      this.#buckets.set(action, bucket);
    }
    return bucket === null ? 0 : bucket.reserve();
  }
}

/** A pacer that never waits (pacing switched off). */
export const NO_PACING = new Pacer({ rateOf: () => undefined });
