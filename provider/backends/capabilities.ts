/**
 * What each backend offers, by kind, in one place that loads no cloud SDK: the backends answer `capabilities()`
 * from here, and the Pulumi resources plan with it (an in-place change where the backend can make one, a
 * replacement where it cannot) without opening a backend.
 */
import type { BackendCapabilities } from "./backend.js";

export const BACKEND_CAPABILITIES = {
  local: {
    perIpBandwidthLimits: true,
    bandwidthResize: true,
    reenableExpired: true,
    dnsSync: false,
    clientToken: true,
    renamePeering: true,
    secondaryCidrs: true,
    subnets: true,
  },
  tencentcloud: {
    perIpBandwidthLimits: false,
    bandwidthResize: true,
    reenableExpired: false,
    dnsSync: false,
    clientToken: false,
    renamePeering: true,
    // CreateAssistantCidr / DeleteAssistantCidr (API 3.0, vpc 2017-03-12).
    secondaryCidrs: true,
    // CreateSubnet / DescribeSubnets / DeleteSubnet (API 3.0, vpc 2017-03-12); IPv4-only at creation (rulebook
    // subnets.ipv6AtCreate), so no dual-stack sites here.
    subnets: true,
  },
  huaweicloud: {
    perIpBandwidthLimits: false,
    bandwidthResize: false,
    reenableExpired: false,
    dnsSync: false,
    clientToken: false,
    renamePeering: true,
    // Huawei VPC v3 add-extend-cidr / remove-extend-cidr (API V3 vpc_apiv3_0007 / vpc_apiv3_0008).
    secondaryCidrs: true,
    // v1 CreateSubnet / ShowSubnet / ListSubnets / DeleteSubnet (ipv6_enable: the dual-stack sites' IPv6).
    subnets: true,
  },
  baiducloud: {
    perIpBandwidthLimits: false,
    bandwidthResize: true,
    reenableExpired: false,
    dnsSync: false,
    clientToken: true,
    renamePeering: true,
    // Not offered by this backend: a change of `cidrs` replaces the VPC.
    secondaryCidrs: false,
    // /v1/subnet create / get / list / delete (enableIpv6 gives a subnet its IPv6 block; Baidu documents no IPv6
    // peering route, rulebook ipv6PeeringRoutes, so a dual-stack Baidu site still routes IPv4 only).
    subnets: true,
  },
} as const satisfies Record<string, BackendCapabilities>;

export type BackendKindName = keyof typeof BACKEND_CAPABILITIES;
