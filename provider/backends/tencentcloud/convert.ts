/**
 * Tencent response models onto the Backend interface's objects. The create token the backend keeps on the resource
 * (../shared/create-marker.ts: the tag `peerlink-create-token` on VPCs and peerings, a suffix of RouteDescription
 * on routes) is stripped here, so what callers read back carries only the user's tags and description; the
 * `*TokenOf` helpers read it for the backend's own look-ups.
 */
import { canonicalCidrText } from "../../core/cidr.js";
import type { ChargeType, ServiceLevel } from "../../core/index.js";
import { defaultGateway } from "../../core/subnet-rules.js";
import type {
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SubnetInfo,
  VpcInfo,
} from "../backend.js";
import { readDescription, readTags } from "../shared/create-marker.js";
import type {
  WirePeerConnection,
  WireRoute,
  WireRouteTable,
  WireSubnet,
  WireTag,
  WireVpc,
} from "./wire-types.js";

/** PeerConnection.QosLevel "PT、AU、AG" (platinum, gold, silver). */
export const QOS_LEVEL: Readonly<Record<ServiceLevel, string>> = { platinum: "PT", gold: "AU", silver: "AG" };
const SERVICE_LEVEL: Readonly<Record<string, ServiceLevel>> = { PT: "platinum", AU: "gold", AG: "silver" };

/**
 * PeerConnection.State: PENDING, ACTIVE, REJECTED, DELETED, FAILED, EXPIRED, ISOLATED. FAILED and ISOLATED have
 * no peerlink counterpart that allows traffic or acceptance; they read as EXPIRED (dead, re-create).
 */
const STATUS: Readonly<Record<string, PeeringStatus>> = {
  PENDING: "PENDING",
  ACTIVE: "ACTIVE",
  REJECTED: "REJECTED",
  DELETED: "DELETED",
  EXPIRED: "EXPIRED",
  FAILED: "EXPIRED",
  ISOLATED: "EXPIRED",
};

export function peeringStatusOf(state: string): PeeringStatus {
  return STATUS[state] ?? "PENDING";
}

/** The filter values of `state` for peerlink statuses (CREATING and ACCEPTING show as PENDING on Tencent). */
export function wireStatesOf(statuses: readonly PeeringStatus[]): string[] {
  const wire = new Set<string>();
  for (const status of statuses) {
    if (status === "CREATING" || status === "ACCEPTING" || status === "PENDING") wire.add("PENDING");
    else wire.add(status);
  }
  return [...wire];
}

/** "2026-01-01 08:00:00" China Standard Time -> ISO 8601 UTC. */
export function isoOf(tencentTime: string | undefined): string {
  if (!tencentTime) return new Date(0).toISOString();
  const parsed = Date.parse(`${tencentTime.replace(" ", "T")}+08:00`);
  return Number.isNaN(parsed) ? tencentTime : new Date(parsed).toISOString();
}

function allTagsOf(set: readonly WireTag[] | undefined): Record<string, string> {
  return Object.fromEntries((set ?? []).map((t) => [t.Key, t.Value ?? ""]));
}

/** The user's tags of a TagSet: the create token's tag left out. */
function tagsOf(set: readonly WireTag[] | undefined): Readonly<Record<string, string>> {
  return readTags(allTagsOf(set)).tags;
}

/** The create token a VPC's or peering's TagSet carries, if any. */
export function tagTokenOf(set: readonly WireTag[] | undefined): string | undefined {
  return readTags(allTagsOf(set)).token;
}

/** The create token a route's RouteDescription carries, if any. */
export function routeTokenOf(route: WireRoute): string | undefined {
  return readDescription(route.RouteDescription ?? "").token;
}

/** Tags as CreateVpcRequest.Tags / CreateVpcPeeringConnectionRequest.Tags take them: [{Key, Value}]. */
export function wireTagsOf(tags: Readonly<Record<string, string>> | undefined): WireTag[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

export function routeTableOf(table: WireRouteTable): RouteTableInfo {
  return { id: table.RouteTableId, vpcId: table.VpcId, name: table.RouteTableName, main: table.Main };
}

export function vpcOf(
  vpc: WireVpc,
  region: string,
  account: string,
  tables: readonly WireRouteTable[],
): VpcInfo {
  return {
    id: vpc.VpcId,
    name: vpc.VpcName,
    cloud: "tencentcloud",
    region,
    account,
    cidrs: [vpc.CidrBlock, ...(vpc.AssistantCidrSet ?? []).map((c) => c.CidrBlock)].filter((c) => c !== ""),
    routeTables: tables.map(routeTableOf),
    tags: tagsOf(vpc.TagSet),
    createdAt: isoOf(vpc.CreatedTime),
  };
}

export function peeringOf(p: WirePeerConnection): PeeringInfo {
  const createdAt = isoOf(p.CreateTime);
  const { tags, token } = readTags(allTagsOf(p.TagSet));
  return {
    id: p.PeeringConnectionId,
    name: p.PeeringConnectionName,
    // Tencent peerings have no description field.
    description: "",
    cloud: "tencentcloud",
    vpcId: p.SourceVpcId,
    region: p.SourceRegion,
    account: String(p.SourceUin),
    peerVpcId: p.DestinationVpcId || p.PeerVpcId,
    peerRegion: p.DestinationRegion,
    peerAccount: String(p.DestinationUin),
    status: peeringStatusOf(p.State),
    bandwidthMbps: p.Bandwidth ? p.Bandwidth : undefined,
    chargeType: p.ChargeType ? (p.ChargeType as ChargeType) : undefined,
    serviceLevel: p.QosLevel ? SERVICE_LEVEL[p.QosLevel] : undefined,
    dnsSync: false,
    tags,
    createdAt,
    // The API reports no modification time or expiry.
    updatedAt: createdAt,
    expiresAt: undefined,
    ...(token === undefined ? {} : { createToken: token }),
  };
}

export function routeOf(route: WireRoute, vpcId: string): RouteInfo {
  return {
    id: route.RouteItemId,
    vpcId,
    routeTableId: route.RouteTableId,
    destination: route.DestinationCidrBlock || route.DestinationIpv6CidrBlock || "",
    peeringId: route.GatewayId,
    description: readDescription(route.RouteDescription ?? "").description,
    createdAt: isoOf(route.CreatedTime),
    ...(typeof route.RouteId === "number" && route.RouteId > 0 ? { entryId: route.RouteId } : {}),
  };
}

/**
 * A Tencent subnet as SubnetInfo. Subnet reports no gateway (models.py Subnet has no such field) and CreateSubnet
 * takes none: the gateway is taken as the block's first host, the core's defaultGateway, which is what the local
 * engine gives a subnet created without one. Ipv6CidrBlock "" is no IPv6 block; a subnet created through peerlink
 * never has one (Tencent assigns IPv6 afterwards, AssignIpv6SubnetCidrBlock, rulebook subnets.ipv6AtCreate), but
 * one given IPv6 outside peerlink reads as dual-stack.
 */
export function subnetOf(subnet: WireSubnet): SubnetInfo {
  const cidr = canonicalCidrText(subnet.CidrBlock);
  const ipv6Cidr = subnet.Ipv6CidrBlock ? canonicalCidrText(subnet.Ipv6CidrBlock) : undefined;
  return {
    id: subnet.SubnetId,
    vpcId: subnet.VpcId,
    name: subnet.SubnetName,
    cidr,
    gatewayIp: defaultGateway(cidr),
    ipv6: ipv6Cidr !== undefined,
    ipv6Cidr,
    createdAt: isoOf(subnet.CreatedTime),
  };
}
