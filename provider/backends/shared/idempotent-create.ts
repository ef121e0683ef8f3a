/**
 * Creating exactly once over an unreliable network. A create whose response was lost (connection reset, 5xx,
 * timeout) may or may not have happened; retrying it blindly makes a duplicate, or a DUPLICATE_PEERING refusal
 * of a request that in fact succeeded.
 *
 * - Clouds with a client token (Baidu `clientToken`, seed 001): send the same token on every attempt; the cloud
 *   returns the first result. `findExisting` can then simply return undefined.
 * - Clouds without one (Tencent CreateVpcPeeringConnection has no token field, tencentcloud-sdk-python-vpc
 *   models.py CreateVpcPeeringConnectionRequest): before retrying a create whose outcome is unknown, look the
 *   resource up by what identifies it (for a peering: the name and the VPC pair) and return it when found.
 *
 * Throttling answers (THROTTLED) say the request was refused before it ran, so they need no look-up.
 */
import { isBackendError } from "../errors.js";
import { isRetryableError, type RetryOptions, withRetry } from "./retry.js";

export interface IdempotentCreateOptions<T> {
  /** One attempt at the create (the same client token on every attempt, where the cloud has one). */
  readonly create: (attempt: number) => Promise<T>;
  /** What a lost create may have made, or undefined. Its own retryable errors are retried too. */
  readonly findExisting: () => Promise<T | undefined>;
  /** @default retryable errors other than THROTTLED */
  readonly outcomeUnknown?: (error: unknown) => boolean;
  readonly retry?: RetryOptions;
}

export function outcomeUnknown(error: unknown): boolean {
  return isRetryableError(error) && !isBackendError(error, "THROTTLED");
}

export async function createIdempotently<T>(options: IdempotentCreateOptions<T>): Promise<T> {
  const unknown = options.outcomeUnknown ?? outcomeUnknown;
  let uncertain = false;
  return withRetry(async (attempt) => {
    if (uncertain) {
      const found = await options.findExisting();
      if (found !== undefined) return found;
    }
    try {
      return await options.create(attempt);
    } catch (error) {
      if (unknown(error)) uncertain = true;
      throw error;
    }
  }, options.retry);
}
