/**
 * Fault injection for tests, off by default. Each request draws from one seeded PRNG (so a test run is
 * reproducible): with probability `throttleRate` it gets the protocol's throttling answer, with `serverErrorRate`
 * a 5xx, in the cloud's own format (ProtocolHandler.faultResponse), before the handler runs; otherwise the
 * handler runs and commits, and with probability `dropRate` the connection is then closed without an answer
 * ("commit, then drop the response"), the case that makes naive retries create duplicates.
 */
import { type Random, seededRandom } from "../backends/shared/seeded-random.js";

export interface FaultOptions {
  /** 0..1. @default 0 */
  readonly throttleRate?: number;
  /** 0..1. @default 0 */
  readonly serverErrorRate?: number;
  /** 0..1, after the handler committed. @default 0 */
  readonly dropRate?: number;
  /** Added to every request before it is handled, ms. @default 0 */
  readonly latencyMs?: number;
  /** @default 1 */
  readonly seed?: number;
}

export type FaultDecision = "none" | "throttle" | "server-error";

export interface FaultStats {
  throttled: number;
  serverErrors: number;
  dropped: number;
}

export class FaultInjector {
  readonly options: FaultOptions;
  /** What was injected so far (tests check that faults really happened). */
  readonly stats: FaultStats = { throttled: 0, serverErrors: 0, dropped: 0 };
  readonly #random: Random;

  constructor(options: FaultOptions = {}) {
    for (const key of ["throttleRate", "serverErrorRate", "dropRate"] as const) {
      const value = options[key] ?? 0;
      if (!(value >= 0 && value <= 1))
        throw new RangeError(`faults.${key} must be within 0..1, got ${value}`);
    }
    this.options = options;
    this.#random = seededRandom(options.seed ?? 1);
  }

  get active(): boolean {
    const o = this.options;
    return (
      (o.throttleRate ?? 0) > 0 ||
      (o.serverErrorRate ?? 0) > 0 ||
      (o.dropRate ?? 0) > 0 ||
      (o.latencyMs ?? 0) > 0
    );
  }

  /** Before the handler: answer with a fault instead? */
  before(): FaultDecision {
    const throttle = this.options.throttleRate ?? 0;
    const serverError = this.options.serverErrorRate ?? 0;
    if (throttle === 0 && serverError === 0) return "none";
    const roll = this.#random();
    if (roll < throttle) {
      this.stats.throttled++;
      return "throttle";
    }
    if (roll < throttle + serverError) {
      this.stats.serverErrors++;
      return "server-error";
    }
    return "none";
  }

  /** After the handler committed: drop the response? */
  dropAfterCommit(): boolean {
    const drop = this.options.dropRate ?? 0;
    const dropped = drop > 0 && this.#random() < drop;
    if (dropped) this.stats.dropped++;
    return dropped;
  }
}
