/** The emulator: an HTTP server speaking the clouds' VPC wire protocols over the local state engine. */
export { AccountsFileError, DEMO_ACCOUNTS, loadAccountsFile, parseAccounts } from "./accounts.js";
export { FaultInjector, type FaultOptions, type FaultStats } from "./faults.js";
export { handlers } from "./handlers.js";
export type {
  EmulatorAccount,
  EmulatorContext,
  EmulatorRequest,
  EmulatorResponse,
  ProtocolHandler,
  RateLimiter,
} from "./protocol.js";
export { DEFAULT_RATE_LIMITS, type RateLimitOptions, TokenBucketRateLimiter } from "./rate-limiter.js";
export {
  DEFAULT_EMULATOR_PORT,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "./server.js";
export { TENCENT_VPC_VERSION, tencentcloudHandler } from "./tencentcloud/handler.js";
