/**
 * The Backend's objects rendered as the Tencent VPC API 2017-03-12 returns them. Field names are those of the
 * official models (tencentcloud-sdk-python-vpc 3.1.193, tencentcloud/vpc/v20170312/models.py; the Node SDK's
 * src/services/vpc/v20170312/vpc_models.ts has the same): Vpc, PeerConnection, RouteTable, Route.
 */

import type {
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  VpcInfo,
} from "../../backends/backend.js";
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

function tagSet(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * AssistantCidr {VpcId, CidrBlock, AssistantType, SubnetSet} (models.py AssistantCidr): AssistantType 0 is an
 * ordinary secondary CIDR (1 would be a TKE container CIDR, which the emulator never makes); the emulator has no
 * subnets, so SubnetSet is always empty. Used by DescribeVpcs (Vpc.AssistantCidrSet) and CreateAssistantCidr.
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
