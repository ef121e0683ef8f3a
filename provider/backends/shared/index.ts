/**
 * What every cloud backend shares, written once and cloud-neutral: retry with backoff and jitter, idempotent
 * create, waiting for a state, client-side pacing, credentials that never leak. The Huawei and Baidu backends
 * use these exactly as the Tencent one does (see provider/backends/tencentcloud/).
 */
export { codeOfAnswer, isRetryableStatus, reverseCodeTable } from "./cloud-codes.js";
export {
  CloudCredentials,
  maskId,
  type ResolveCredentialsOptions,
  redactSecrets,
  resolveCredentials,
} from "./credentials.js";
export { createIdempotently, type IdempotentCreateOptions, outcomeUnknown } from "./idempotent-create.js";
export { NO_PACING, Pacer, type PacerOptions } from "./pacer.js";
export {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableError,
  type RetryEvent,
  type RetryOptions,
  retryWrite,
  withRetry,
} from "./retry.js";
export {
  planSecondaryChange,
  type SecondaryRules,
  wantedSecondary,
} from "./secondary-cidrs.js";
export { type Random, seededRandom } from "./seeded-random.js";
export { realSleep, type Sleep } from "./sleep.js";
export { monotonicClock, TokenBucket, type TokenBucketOptions } from "./token-bucket.js";
export { type WaitForOptions, waitFor } from "./wait-for.js";
export { type WaitForPeeringOptions, waitForPeering } from "./wait-for-peering.js";
