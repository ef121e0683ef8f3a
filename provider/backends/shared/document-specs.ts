/**
 * What a backend reads (VpcInfo, SubnetInfo, PeeringInfo) as topology document elements, for the code that builds
 * a document from a live estate and asks the core about it: `peerlink discover` (../discover/discover.ts), and a
 * backend telling apart rules its cloud answers with one code (./route-refusal.ts).
 */
import { defaultGatewayOf } from "../../core/subnet-rules.js";
import type { PeeringSpec, SubnetSpec, VpcSpec } from "../../core/topology-schema.js";
import type { PeeringInfo, SubnetInfo, VpcInfo } from "../backend.js";

function iso(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A VPC as a topology document holds it: its extra (non-main) route tables by id, its name when it has one. */
export function vpcSpecOf(v: VpcInfo): VpcSpec {
  const extra = v.routeTables.filter((t) => !t.main).map((t) => t.id);
  return {
    id: v.id,
    cloud: v.cloud,
    region: v.region,
    account: v.account,
    cidrs: [...v.cidrs],
    ...(extra.length > 0 ? { routeTables: extra } : {}),
    ...(v.name ? { name: v.name } : {}),
  };
}

/**
 * A subnet as a topology document holds it: its name when it is not the id, `ipv6` only when set, the gateway only
 * when it is not the block's first host (the document's default, core defaultGateway).
 */
export function subnetSpecOf(s: SubnetInfo): SubnetSpec {
  // A block the cloud answered that is no IPv4 block has no default: the gateway read is kept, SUBNET_INVALID says why.
  const firstHost = defaultGatewayOf(s.cidr);
  return {
    id: s.id,
    vpc: s.vpcId,
    cidr: s.cidr,
    ...(s.name && s.name !== s.id ? { name: s.name } : {}),
    ...(s.ipv6 ? { ipv6: true } : {}),
    ...(s.gatewayIp && s.gatewayIp !== firstHost ? { gatewayIp: s.gatewayIp } : {}),
  };
}

/** A peering as a topology document holds it, with its live state (`status`, ISO times; expiry only when PENDING). */
export function peeringSpecOf(p: PeeringInfo): PeeringSpec {
  const createdAt = iso(p.createdAt);
  const expiresAt = p.status === "PENDING" ? iso(p.expiresAt) : undefined;
  return {
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
    ...(p.description ? { description: p.description } : {}),
    vpc: p.vpcId,
    peerVpc: p.peerVpcId,
    ...(p.bandwidthMbps !== undefined ? { bandwidthMbps: p.bandwidthMbps } : {}),
    ...(p.chargeType !== undefined ? { chargeType: p.chargeType } : {}),
    ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
    ...(Object.keys(p.tags).length > 0 ? { tags: { ...p.tags } } : {}),
    status: p.status,
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}
