/** Baidu wire objects onto the Backend interface's objects. */

import { type ChargeType, canonicalCidrText, defaultGateway } from "../../core/index.js";
import type { PeeringInfo, RouteInfo, SubnetInfo, VpcInfo } from "../backend.js";
import { readDescription } from "../shared/create-marker.js";
import { expiryOf } from "../shared/expiry.js";
import { fromBaiduStatus } from "./peering-status.js";
import type { WirePeerConn, WireRouteRule, WireSubnet, WireVpc } from "./wire-types.js";

export function isoOf(baiduTime: string | undefined): string {
  const parsed = baiduTime ? Date.parse(baiduTime) : Number.NaN;
  return Number.isNaN(parsed) ? new Date(0).toISOString() : new Date(parsed).toISOString();
}

export function vpcOf(v: WireVpc, region: string, account: string, routeTableId: string): VpcInfo {
  return {
    id: v.vpcId,
    name: v.name,
    cloud: "baiducloud",
    region,
    account,
    cidrs: [v.cidr, ...(v.secondaryCidr ?? [])],
    // Baidu gives each VPC one route table ("Query route table" by vpcId).
    routeTables: [{ id: routeTableId, vpcId: v.vpcId, name: "main", main: true }],
    tags: Object.fromEntries((v.tags ?? []).map((t) => [t.tagKey, t.tagValue])),
    createdAt: isoOf(v.createdTime),
  };
}

/** Back to the requester's point of view from either side's view (see the emulator's render.ts). */
export function peeringOf(p: WirePeerConn, account: string): PeeringInfo {
  const initiator = p.role === "initiator";
  const status = fromBaiduStatus(p.status) ?? "PENDING";
  const createdAt = isoOf(p.createdTime);
  const other = p.peerAccountId || account;
  // The description carries the create token too (../shared/create-marker.ts): Baidu answers never show the
  // clientToken, and a rerun of a killed create must recognise its own request.
  const { description, token } = readDescription(p.description ?? "");
  return {
    id: p.peerConnId,
    name: p.localIfName ?? "",
    description,
    cloud: "baiducloud",
    vpcId: initiator ? p.localVpcId : p.peerVpcId,
    region: initiator ? p.localRegion : p.peerRegion,
    account: initiator ? account : other,
    peerVpcId: initiator ? p.peerVpcId : p.localVpcId,
    peerRegion: initiator ? p.peerRegion : p.localRegion,
    peerAccount: initiator ? other : account,
    status,
    bandwidthMbps: p.bandwidthInMbps,
    chargeType: (p.paymentTiming as ChargeType | undefined) ?? undefined,
    serviceLevel: undefined,
    dnsSync: p.dnsStatus === "open",
    tags: {},
    createdAt,
    updatedAt: createdAt,
    // The answer shows no expiry: the rulebook's pendingExpiryDays gives it (none where no source documents one).
    expiresAt: expiryOf("baiducloud", status, createdAt),
    ...(token === undefined ? {} : { createToken: token }),
  };
}

/** Baidu route rules carry no creation time; the epoch stands in for "unknown". */
export function routeOf(r: WireRouteRule, vpcId: string): RouteInfo {
  return {
    id: r.routeRuleId,
    vpcId,
    routeTableId: r.routeTableId,
    destination: r.destinationAddress,
    peeringId: r.nexthopId,
    description: r.description ?? "",
    createdAt: new Date(0).toISOString(),
  };
}

/**
 * A Baidu subnet. `ipv6` is the presence of an assigned `ipv6Cidr` ("" or absent: none). Baidu shows no gateway
 * (查询指定子网 has no such field, 创建子网 takes none): the block's first host stands in (core defaultGateway), as
 * the local engine assumes for a subnet created without one.
 */
export function subnetOf(s: WireSubnet): SubnetInfo {
  const cidr = canonicalCidrText(s.cidr);
  const ipv6Cidr = s.ipv6Cidr ? canonicalCidrText(s.ipv6Cidr) : undefined;
  return {
    id: s.subnetId,
    vpcId: s.vpcId,
    name: s.name,
    cidr,
    gatewayIp: defaultGateway(cidr),
    ipv6: ipv6Cidr !== undefined,
    ipv6Cidr,
    createdAt: isoOf(s.createdTime),
  };
}
