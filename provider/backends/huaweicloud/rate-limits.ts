/**
 * Huawei Cloud's VPC request rate, as the backend paces itself by default (../shared/pacer.ts), the way the Tencent
 * backend does (../tencentcloud/rate-limits.ts).
 *
 * The rate is the one the emulator throttles Huawei at: 20 requests/s per account and action
 * (provider/emulator/rate-limiter.ts DEFAULT_RATE_LIMITS.huaweicloud, applied per SDK method name by
 * provider/emulator/huaweicloud/handler.ts through `context.rateLimiter.admit("huaweicloud", account, action)`;
 * the handler itself states no figure). Huawei's API Gateway answers an exceeded quota with APIGW.0308 "The
 * throttling threshold has been reached" (HTTP 429, the "API Request Signing Guide" error codes), which
 * ./parse-error.ts maps to THROTTLED. No Huawei VPC API page found states a per-action rate for the v1 VPC, v2.0
 * peering and route or v1 route-table calls, so 20/s is the emulator's figure, not Huawei's; it is kept in this one
 * place so that a published or measured value changes it here.
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
  "CreateSubnet",
  "ShowSubnet",
  "ListSubnets",
  "DeleteSubnet",
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
