/**
 * The Backend's objects rendered as the Tencent VPC API 2017-03-12 returns them. Field names are those of the
 * official models (tencentcloud-sdk-python-vpc 3.1.193, tencentcloud/vpc/v20170312/models.py; the Node SDK's
 * src/services/vpc/v20170312/vpc_models.ts has the same): Vpc, PeerConnection, RouteTable, Route, Subnet.
 */

import type {
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../../backends/backend.js";
import { parseCidr } from "../../core/cidr.js";
import type { ServiceLevel } from "../../core/index.js";

/** PeerConnection.QosLevel / CreateVpcPeeringConnectionRequest.QosLevel: "服务分级：PT、AU、AG" (platinum, gold, silver). */
export const QOS_LEVELS: Readonly<Record<ServiceLevel, string>> = {
  platinum: "PT",
  gold: "AU",
  silver: "AG",
};

/**
 * PeerConnection.State: "PENDING，投放中；ACTIVE，使用中；REJECTED，已拒绝；DELETED，已删除；FAILED；EXPIRED；ISOLATED".
 * Tencent has no separate creating/accepting phase in this field, so those transient states read as PENDING.
 */
export const WIRE_STATE: Readonly<Record<PeeringStatus, string>> = {
  CREATING: "PENDING",
  PENDING: "PENDING",
  ACCEPTING: "PENDING",
  ACTIVE: "ACTIVE",
  REJECTED: "REJECTED",
  EXPIRED: "EXPIRED",
  DELETED: "DELETED",
};

/** Times as the console and API show them: China Standard Time, "2026-01-01 08:00:00" (no zone suffix). */
export function tencentTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** Uins are integers on the wire (PeerConnection.SourceUin: int); non-numeric emulator ids stay strings. */
export function uinOf(account: string): number | string {
  return /^\d{1,15}$/.test(account) ? Number(account) : account;
}

/**
 * Route.RouteId is an integer ("IPv4路由策略ID是有意义的值") next to the string RouteItemId. The engine's route ids
 * are "rti-" plus 8 base-36 characters, so the integer is that suffix read in base 36: unique, stable across
 * restarts, and reversible without a table.
 */
export function routeIdNumber(routeItemId: string): number {
  const match = /^rti-([0-9a-z]{1,10})$/.exec(routeItemId);
  return match ? Number.parseInt(match[1]!, 36) : 0;
}

export function routeItemIdOf(routeId: number): string {
  return `rti-${routeId.toString(36).padStart(8, "0")}`;
}

export function tagSet(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * AssistantCidr {VpcId, CidrBlock, AssistantType, SubnetSet} (models.py AssistantCidr): AssistantType 0 is an
 * ordinary secondary CIDR (1 would be a TKE container CIDR, which the emulator never makes). SubnetSet is left
 * empty: the emulator does not sort a VPC's subnets by block here (DescribeSubnets lists them). Used by DescribeVpcs
 * (Vpc.AssistantCidrSet) and CreateAssistantCidr.
 */
export function assistantCidrWire(vpcId: string, cidr: string): Record<string, unknown> {
  return { VpcId: vpcId, CidrBlock: cidr, AssistantType: 0, SubnetSet: [] };
}

export function vpcWire(vpc: VpcInfo): Record<string, unknown> {
  const [primary = "", ...secondary] = vpc.cidrs;
  return {
    VpcName: vpc.name,
    VpcId: vpc.id,
    CidrBlock: primary,
    IsDefault: false,
    EnableMulticast: false,
    CreatedTime: tencentTime(vpc.createdAt),
    DnsServerSet: [],
    DomainName: "",
    DhcpOptionsId: "",
    EnableDhcp: true,
    Ipv6CidrBlock: "",
    TagSet: tagSet(vpc.tags),
    AssistantCidrSet: secondary.map((cidr) => assistantCidrWire(vpc.id, cidr)),
  };
}

export function peeringWire(p: PeeringInfo): Record<string, unknown> {
  return {
    SourceVpcId: p.vpcId,
    PeerVpcId: p.peerVpcId,
    PeeringConnectionId: p.id,
    PeeringConnectionName: p.name,
    State: WIRE_STATE[p.status],
    IsNgw: true,
    Bandwidth: p.bandwidthMbps ?? 0,
    SourceRegion: p.region,
    DestinationRegion: p.peerRegion,
    CreateTime: tencentTime(p.createdAt),
    // The emulator has no separate AppId: the uin stands in for it.
    AppId: uinOf(p.account),
    PeerAppId: uinOf(p.peerAccount),
    ChargeType: p.chargeType ?? "",
    SourceUin: uinOf(p.account),
    DestinationUin: uinOf(p.peerAccount),
    TagSet: tagSet(p.tags),
    QosLevel: p.serviceLevel === undefined ? "" : QOS_LEVELS[p.serviceLevel],
    Type: "VPC_PEER",
    DestinationVpcId: p.peerVpcId,
  };
}

export function routeWire(route: RouteInfo): Record<string, unknown> {
  const ipv6 = route.destination.includes(":");
  return {
    DestinationCidrBlock: ipv6 ? "" : route.destination,
    GatewayType: "PEERCONNECTION",
    GatewayId: route.peeringId,
    RouteId: ipv6 ? 0 : routeIdNumber(route.id),
    RouteDescription: route.description,
    Enabled: true,
    RouteType: "USER",
    RouteTableId: route.routeTableId,
    DestinationIpv6CidrBlock: ipv6 ? route.destination : "",
    RouteItemId: route.id,
    PublishedToVbc: false,
    CreatedTime: tencentTime(route.createdAt),
  };
}

export function routeTableWire(
  table: RouteTableInfo,
  vpc: VpcInfo,
  routes: readonly RouteInfo[],
): Record<string, unknown> {
  return {
    VpcId: table.vpcId,
    RouteTableId: table.id,
    RouteTableName: table.name,
    AssociationSet: [],
    RouteSet: routes.map(routeWire),
    Main: table.main,
    // The engine keeps no creation time per table; a table is as old as its VPC's first one.
    CreatedTime: tencentTime(vpc.createdAt),
    TagSet: [],
    LocalCidrForCcn: [],
  };
}

/**
 * What a Tencent subnet has that the engine keeps no column for: the zone CreateSubnet names (Zone is required,
 * "子网所在的可用区ID", models.py CreateSubnetRequest) and the request's Tags. Tencent's Subnet has no description,
 * so the Tencent protocol keeps these two, as JSON, in the engine's subnet description (CreateSubnetInput.description,
 * read back through LocalBackend.subnetDescription); only this protocol reads Tencent subnets.
 */
export interface SubnetExtras {
  readonly zone: string;
  readonly tags: Readonly<Record<string, string>>;
}

export function subnetExtrasText(extras: SubnetExtras): string {
  return JSON.stringify({ zone: extras.zone, tags: extras.tags });
}

/** The extras a description holds; a subnet made through another front end (no JSON) has none. */
export function subnetExtrasOf(description: string): SubnetExtras {
  try {
    const parsed = JSON.parse(description) as Partial<SubnetExtras>;
    return { zone: typeof parsed.zone === "string" ? parsed.zone : "", tags: parsed.tags ?? {} };
  } catch {
    return { zone: "", tags: {} };
  }
}

/**
 * A block's address counts. Total: every address of the block. Available: the total less the network address,
 * the gateway and the broadcast address, the emulator's own accounting (no instance ever takes an address here);
 * Tencent documents the field ("可用IP数") but not which addresses it holds back.
 */
export function addressCounts(cidr: string): { total: number; available: number } {
  const parsed = parseCidr(cidr);
  if (!parsed.ok || parsed.cidr.family !== 4) return { total: 0, available: 0 };
  const total = 2 ** (32 - parsed.cidr.prefix);
  return { total, available: Math.max(total - 3, 0) };
}

/**
 * Subnet (models.py Subnet; the Node SDK's vpc_models.ts the same). RouteTableId is the VPC's default (main)
 * table: "子网创建后会自动关联到默认路由表" (腾讯云 私有网络 API: 创建子网 CreateSubnet,
 * https://cloud.tencent.com/document/api/215/15782), and the emulator has no call that moves a subnet to another
 * table. Ipv6CidrBlock is "": a Tencent subnet is created IPv4-only (rulebook subnets.ipv6AtCreate). StackType is
 * left out: its documented values are DualStack and IPv6Only, neither of which an IPv4-only subnet is. The gateway
 * the engine keeps (the block's first host) has no field in Subnet.
 */
export function subnetWire(subnet: SubnetInfo, vpc: VpcInfo, extras: SubnetExtras): Record<string, unknown> {
  const { total, available } = addressCounts(subnet.cidr);
  return {
    VpcId: subnet.vpcId,
    SubnetId: subnet.id,
    SubnetName: subnet.name,
    CidrBlock: subnet.cidr,
    IsDefault: false,
    EnableBroadcast: false,
    Zone: extras.zone,
    RouteTableId: vpc.routeTables.find((t) => t.main)?.id ?? "",
    CreatedTime: tencentTime(subnet.createdAt),
    AvailableIpAddressCount: available,
    Ipv6CidrBlock: subnet.ipv6Cidr ?? "",
    NetworkAclId: "",
    IsRemoteVpcSnat: false,
    TotalIpAddressCount: total,
    TagSet: tagSet(extras.tags),
    CdcId: "",
    IsCdcSubnet: 0,
  };
}
