/** Huawei wire objects onto the Backend interface's objects. */
import type { PeeringInfo, RouteInfo, RouteTableInfo, SubnetInfo, VpcInfo } from "../backend.js";
import { readDescription } from "../shared/create-marker.js";
import { expiryOf } from "../shared/expiry.js";
import { fromHuaweiStatus } from "./peering-status.js";
import type { WirePeering, WireRoute, WireRouteTable, WireSubnet, WireVpc } from "./wire-types.js";

/** Huawei's "yyyy-MM-ddTHH:mm:ss" (UTC, API reference "Creating a VPC Peering Connection") → ISO 8601. */
export function isoOf(huaweiTime: string | undefined): string {
  if (!huaweiTime) return new Date(0).toISOString();
  const parsed = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(huaweiTime) ? huaweiTime : `${huaweiTime}Z`);
  return Number.isNaN(parsed) ? huaweiTime : new Date(parsed).toISOString();
}

export function routeTableOf(t: WireRouteTable): RouteTableInfo {
  return { id: t.id, vpcId: t.vpc_id, name: t.name, main: t.default };
}

export function vpcOf(
  v: WireVpc,
  region: string,
  account: string,
  tables: readonly WireRouteTable[],
): VpcInfo {
  return {
    id: v.id,
    name: v.name,
    cloud: "huaweicloud",
    region,
    account: v.project_id ?? v.tenant_id ?? account,
    // The primary, then the secondary blocks (v3 `extend_cidrs`; a v1 VPC object has none to show).
    cidrs: [...(v.cidr ? [v.cidr] : []), ...(v.extend_cidrs ?? [])],
    routeTables: tables.filter((t) => t.vpc_id === v.id).map(routeTableOf),
    tags: {},
    createdAt: isoOf(v.created_at),
  };
}

export function peeringOf(p: WirePeering, region: string): PeeringInfo {
  // A status Huawei does not document reads as PENDING: not usable, not final.
  const status = fromHuaweiStatus(p.status) ?? "PENDING";
  const createdAt = isoOf(p.created_at);
  // The create token (../shared/create-marker.ts) is the backend's business: only the user's text is shown, and
  // the token is PeeringInfo.createToken (a rerun of a killed create recognises its own request by it).
  const { description, token } = readDescription(p.description ?? "");
  return {
    id: p.id,
    name: p.name,
    description,
    cloud: "huaweicloud",
    vpcId: p.request_vpc_info.vpc_id,
    region,
    account: p.request_vpc_info.tenant_id,
    peerVpcId: p.accept_vpc_info.vpc_id,
    // Huawei VPC peerings are regional: both sides are in the endpoint's region (seed 004 has no region field).
    peerRegion: region,
    peerAccount: p.accept_vpc_info.tenant_id,
    status,
    bandwidthMbps: undefined,
    chargeType: undefined,
    serviceLevel: undefined,
    dnsSync: false,
    tags: {},
    createdAt,
    updatedAt: isoOf(p.updated_at ?? p.created_at),
    // The answer shows no expiry: the rulebook's pendingExpiryDays gives it (none where no source documents one).
    expiresAt: expiryOf("huaweicloud", status, createdAt),
    ...(token === undefined ? {} : { createToken: token }),
  };
}

/** Huawei routes carry no creation time; the epoch stands in for "unknown". */
const UNKNOWN_TIME = new Date(0).toISOString();

/**
 * `description` is the route-table API's (RouteTableRoute.description; the v2.0 VpcRoute has none), marked or not:
 * the create token is stripped here.
 */
export function routeOf(r: WireRoute, routeTableId: string, description = ""): RouteInfo {
  return {
    id: r.id,
    vpcId: r.vpc_id,
    routeTableId,
    destination: r.destination,
    peeringId: r.nexthop,
    description: readDescription(description).description,
    createdAt: UNKNOWN_TIME,
  };
}

/** A v1 subnet: `cidr_v6` is the IPv6 block Huawei assigned it ("" or absent when it is IPv4-only). */
export function subnetOf(s: WireSubnet): SubnetInfo {
  return {
    id: s.id,
    vpcId: s.vpc_id,
    name: s.name,
    cidr: s.cidr,
    gatewayIp: s.gateway_ip,
    ipv6: s.ipv6_enable === true,
    ipv6Cidr: s.cidr_v6 ? s.cidr_v6 : undefined,
    createdAt: isoOf(s.created_at),
  };
}
