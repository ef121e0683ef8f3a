/** What a backend reads (backend.ts Info types), as test fixtures: an ACTIVE same-account Tencent peering, a VPC. */
import type { PeeringInfo, VpcInfo } from "../../../provider/backends/backend.js";

export function peeringInfo(extra: Partial<PeeringInfo>): PeeringInfo {
  return {
    id: "pcx-1",
    name: "p1",
    description: "",
    cloud: "tencentcloud",
    vpcId: "vpc-a",
    region: "ap-guangzhou",
    account: "1",
    peerVpcId: "vpc-b",
    peerRegion: "ap-guangzhou",
    peerAccount: "1",
    status: "ACTIVE",
    bandwidthMbps: undefined,
    chargeType: undefined,
    serviceLevel: undefined,
    dnsSync: false,
    tags: {},
    createdAt: "2026-12-01T00:00:00Z",
    updatedAt: "2026-12-01T00:00:00Z",
    expiresAt: undefined,
    ...extra,
  };
}

export function vpcInfo(extra: Partial<VpcInfo>): VpcInfo {
  return {
    id: "vpc-a",
    name: "a",
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    account: "1",
    cidrs: ["10.0.0.0/16"],
    routeTables: [],
    tags: {},
    createdAt: "2026-12-01T00:00:00Z",
    ...extra,
  };
}
