/**
 * Retry with exponential backoff and full jitter (the AWS Architecture Blog's "Exponential Backoff and Jitter":
 * sleep = random(0, min(cap, base * 2^attempt))), for every cloud backend.
 *
 * Only errors that say so are retried: `BackendError.retryable`, which backends set for throttling
 * (Tencent RequestLimitExceeded, Huawei/Baidu HTTP 429) and transient failures (5xx, InternalError, a connection
 * reset or a lost response). Client errors (bad parameters, refusals, auth) are never retried: repeating them
 * cannot succeed and would hide the real message.
 */
import { type BackendError, isBackendError } from "../errors.js";
import type { Random } from "./seeded-random.js";
import { realSleep, type Sleep } from "./sleep.js";

export interface RetryOptions {
  /** Attempts in all, the first included. @default 6 */
  readonly maxAttempts?: number;
  /** The backoff before the second attempt is drawn from [0, baseDelayMs]. @default 200 */
  readonly baseDelayMs?: number;
  /** The cap of the backoff window. @default 10000 */
  readonly maxDelayMs?: number;
  /** @default Math.random */
  readonly random?: Random;
  /** @default a real timer */
  readonly sleep?: Sleep;
  /** @default retryable BackendErrors only */
  readonly isRetryable?: (error: unknown) => boolean;
  /** Called before each backoff (for logging or metrics; never given credentials). */
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: unknown;
}

export const DEFAULT_RETRY = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 } as const;

export function isRetryableError(error: unknown): boolean {
  return isBackendError(error) && error.retryable;
}

/** The full-jitter backoff after failed attempt `attempt` (from 1): uniform in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random"> = {},
): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const window = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor((options.random ?? Math.random)() * window);
}

/**
 * Runs `fn` until it succeeds, throws a non-retryable error, or `maxAttempts` is reached (then the last error is
 * thrown as is). `fn` receives the attempt number, so that an operation can recognise "already done" on a retry
 * (e.g. a delete whose first response was lost answers NOT_FOUND the second time).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const retryable = options.isRetryable ?? isRetryableError;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !retryable(error)) throw error;
      const delayMs = backoffDelay(attempt, options);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/**
 * `withRetry` for a write whose answer can be lost on the way back (no client token to make the repeat safe): when a
 * repeated attempt is refused, the refusal may only mean that the lost first attempt already did the work.
 * `alreadyDone` looks (a delete finds NOT_FOUND, a state change finds the state it leads to) and says so; the write
 * has then succeeded, otherwise the refusal stands. The first attempt's refusal always stands.
 */
export async function retryWrite(
  write: () => Promise<unknown>,
  alreadyDone: (error: BackendError) => Promise<boolean>,
  options: RetryOptions = {},
): Promise<void> {
  await withRetry(async (attempt) => {
    try {
      await write();
    } catch (error) {
      if (attempt > 1 && isBackendError(error) && (await alreadyDone(error))) return;
      throw error;
    }
  }, options);
}
