/**
 * Baidu's wire objects, with the field names of the VPC API reference: VPC ("Query VPC list": vpcId, name, cidr,
 * description, isDefault, secondaryCidr, tags), route table and rules ("Query route table": routeTableId, vpcId,
 * routeRules[routeRuleId, routeTableId, sourceAddress, destinationAddress, nexthopId, nexthopType, description]),
 * peer connection ("View Peer Connection Details", intl.cloud.baidu.com/doc/VPC/s/Sjwvyudwm-en: peerConnId, role,
 * status, bandwidthInMbps, description, localIfId, localIfName, localVpcId, localRegion, peerVpcId, peerRegion,
 * peerAccountId, createdTime, expiredTime, dnsStatus, paymentTiming). The names are those the official SDKs
 * decode: bce-sdk-go services/vpc/model.go `PeerConn` (json tags) and bce-sdk-java
 * services/peerconn/model/PeerConn.java; the reference page's example spells the bandwidth "bandwithInMbp",
 * which neither SDK reads, so that spelling is not used.
 *
 * A peer connection is seen from one side: the initiator (the requester) or the acceptor, whose `local*` fields
 * are its own VPC. Cross-account, each account sees its side; same-account, `role` picks (initiator by default).
 */
import type { PeeringInfo, RouteInfo, VpcInfo } from "../../backends/backend.js";
import { toBaiduStatus } from "../../backends/baiducloud/peering-status.js";

export type Role = "initiator" | "acceptor";

/** Baidu times are ISO 8601 UTC without a fraction: "2019-04-04T03:28:02Z". */
export function baiduTime(iso: string): string {
  return iso.replace(/\.\d+Z$/, "Z");
}

export function renderVpc(vpc: VpcInfo) {
  return {
    vpcId: vpc.id,
    name: vpc.name,
    cidr: vpc.cidrs[0] ?? "",
    description: "",
    isDefault: false,
    secondaryCidr: vpc.cidrs.slice(1),
    tags: Object.entries(vpc.tags).map(([tagKey, tagValue]) => ({ tagKey, tagValue })),
    createdTime: baiduTime(vpc.createdAt),
  };
}

/** The side `account` sees; `role` chooses when the account owns both sides. */
export function roleOf(p: PeeringInfo, account: string, wanted?: string | null): Role {
  if (p.account === account && p.peerAccount === account)
    return wanted === "acceptor" ? "acceptor" : "initiator";
  return p.account === account ? "initiator" : "acceptor";
}

export function renderPeerConn(p: PeeringInfo, role: Role) {
  const initiator = role === "initiator";
  return {
    peerConnId: p.id,
    role,
    status: toBaiduStatus(p.status),
    bandwidthInMbps: p.bandwidthMbps ?? 0,
    description: p.description,
    localIfId: `${p.id}-${initiator ? "i" : "a"}`,
    localIfName: p.name,
    localVpcId: initiator ? p.vpcId : p.peerVpcId,
    localRegion: initiator ? p.region : p.peerRegion,
    peerVpcId: initiator ? p.peerVpcId : p.vpcId,
    peerRegion: initiator ? p.peerRegion : p.region,
    peerAccountId: initiator ? p.peerAccount : p.account,
    createdTime: baiduTime(p.createdAt),
    expiredTime: "",
    dnsStatus: p.dnsSync ? "open" : "close",
    paymentTiming: p.chargeType ?? "Postpaid",
  };
}

export function renderRouteRule(r: RouteInfo) {
  return {
    routeRuleId: r.id,
    routeTableId: r.routeTableId,
    sourceAddress: "0.0.0.0/0",
    destinationAddress: r.destination,
    nexthopId: r.peeringId,
    nexthopType: "peerConn",
    description: r.description,
  };
}
