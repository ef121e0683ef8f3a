/**
 * Huawei Cloud's VPC request rate, as the backend paces itself by default (../shared/pacer.ts), the way the Tencent
 * backend does (../tencentcloud/rate-limits.ts).
 *
 * The rate is the one the emulator throttles Huawei at: 20 requests/s per account and action
 * (provider/emulator/rate-limiter.ts DEFAULT_RATE_LIMITS.huaweicloud, applied per SDK method name by
 * provider/emulator/huaweicloud/handler.ts `context.rateLimiter.admit("huaweicloud", account, action)`). Huawei's
 * API Gateway answers an exceeded quota with APIGW.0308 "The throttling threshold has been reached" (429), which
 * ./parse-error.ts maps to THROTTLED. The VPC API reference publishes no per-action table of its own; the 20/s is
 * the emulator's documented figure, kept in one place so that a measured or published value changes it here.
 */
export const HUAWEI_VPC_RATE_PER_SECOND = 20;

/** The SDK method names the backend sends (the per-action key of pacing and of the emulator's throttling). */
export const HUAWEI_VPC_ACTIONS = [
  "CreateVpc",
  "ListVpcs",
  "ShowVpc",
  "DeleteVpc",
  "AddVpcExtendCidr",
  "RemoveVpcExtendCidr",
  "CreateRouteTable",
  "ListRouteTables",
  "ShowRouteTable",
  "UpdateRouteTable",
  "CreateVpcPeering",
  "ListVpcPeerings",
  "ShowVpcPeering",
  "UpdateVpcPeering",
  "AcceptVpcPeering",
  "RejectVpcPeering",
  "DeleteVpcPeering",
  "CreateVpcRoute",
  "ListVpcRoutes",
  "DeleteVpcRoute",
] as const;

export function huaweiRateOf(action: string): number | undefined {
  return (HUAWEI_VPC_ACTIONS as readonly string[]).includes(action) ? HUAWEI_VPC_RATE_PER_SECOND : undefined;
}
