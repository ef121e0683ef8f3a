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
import type { PeeringInfo, RouteInfo, SubnetInfo, VpcInfo } from "../../backends/backend.js";
import { toBaiduStatus } from "../../backends/baiducloud/peering-status.js";
import { parseCidr } from "../../core/index.js";

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

/**
 * The zone the emulator serves in a region: its zone A, named as Baidu names zones, `cn-{region}-{a-f}` (RDS API
 * 查询子网列表, cloud.baidu.com/doc/RDS/s/1kyvageqo: zoneName "由国家-地区-子网编号(a-f) ... 例如北京可用区A为"cn-bj-a""; BCC
 * 查询可用区列表 answers "cn-bj-a", "cn-bj-b" for bj). The engine keeps no zone, so every subnet is in this one.
 */
export function zoneOf(region: string): string {
  return `cn-${region}-a`;
}

/**
 * Addresses of a block Baidu does not hand out: 查询指定子网's example shows a /20 (4096 addresses) with
 * `availableIp` 4090. The emulator keeps that count for every block and tracks no used addresses.
 */
const RESERVED_ADDRESSES = 6;

/**
 * A subnet (查询指定子网, cloud.baidu.com/doc/VPC/s/Sjwvyu89a, SubnetDetail: name, subnetId, zoneName, cidr,
 * ipv6Cidr, vpcId, subnetType, availableIp, description, createdTime; and tags, as 查询子网列表 lists them). A subnet
 * without IPv6 shows `ipv6Cidr` "", as Baidu's IPv4-only subnets do (the backend reads "" as none).
 */
export function renderSubnet(s: SubnetInfo, zoneName: string, description: string) {
  const parsed = parseCidr(s.cidr);
  const size = parsed.ok ? 2 ** (32 - parsed.cidr.prefix) : 0;
  return {
    subnetId: s.id,
    name: s.name,
    zoneName,
    cidr: s.cidr,
    ipv6Cidr: s.ipv6Cidr ?? "",
    vpcId: s.vpcId,
    subnetType: "BCC",
    description,
    availableIp: Math.max(0, size - RESERVED_ADDRESSES),
    createdTime: baiduTime(s.createdAt),
    tags: [] as { tagKey: string; tagValue: string }[],
  };
}
