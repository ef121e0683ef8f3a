/**
 * The plain inputs of the DR planners. The planners are shared by the CDKTF constructs and the Pulumi components,
 * so they take plain data only: no tokens, no Outputs, no construct or resource objects.
 */
import { CLOUD_RULES } from "../cloud-rules.js";
import type { Diagnostic } from "../diagnostics.js";
import type {
  ChargeType,
  PeeringSpec,
  RouteSpec,
  ServiceLevel,
  TopologyInput,
  VpcSpec,
} from "../topology-schema.js";
import type { DrExternalPeering } from "./external-peering.js";
import { checkRouting, type DrRouting, destinationsToPeer, resolveRouting } from "./routing-policy.js";

/** One VPC taking part in a DR topology. */
export interface DrSite {
  /** The VPC's id in the topology (a cloud VPC id such as `vpc-2ari9m7h`, or your name for it). */
  readonly vpc: string;
  readonly cloud: VpcSpec["cloud"];
  readonly region: string;
  /** Tencent uin, Huawei project/tenant, Baidu account. */
  readonly account: string;
  /** Primary and secondary CIDR blocks; by default the peer side gets a route to every one of them. */
  readonly cidrs: readonly string[];
  /**
   * The IPv6 blocks the cloud assigned this VPC (Huawei and Tencent assign IPv6 themselves: a site cannot declare
   * one, rulebook ipv6Declared), as read back from the VPC. Peers route to them like the CIDRs where the cloud
   * documents IPv6 peering routes (rulebook ipv6PeeringRoutes; IPV6_PEERING_UNSUPPORTED elsewhere).
   * @default [] (IPv4 only)
   */
  readonly assignedIpv6Cidrs?: readonly string[];
  /**
   * Extra route tables; by default they and the main table all get the routes.
   * @default [] (the main table only)
   */
  readonly routeTables?: readonly string[];
  /**
   * Which destinations this site routes to its peers and in which of its tables (see DrRouting).
   * @default every CIDR of each peer, in every route table
   */
  readonly routing?: DrRouting;
}

/** Bandwidth and billing of the planned peerings (seed 000 "带宽", "计费模式"; seed 001 createPeerConn). */
export interface DrLinkOptions {
  /**
   * Bandwidth cap in Mbps. Tencent cross-region: 10, 20, 50, 100, 200, 500 or 1000; Baidu: any positive integer.
   * @default undefined (the core then reports INVALID_BANDWIDTH where the cloud requires one)
   */
  readonly bandwidthMbps?: number;
  /** @default undefined (Tencent: POSTPAID_BY_DAY_MAX; Baidu: Postpaid) */
  readonly chargeType?: ChargeType;
  /** Tencent only. @default undefined (the cloud's default) */
  readonly serviceLevel?: ServiceLevel;
}

/** The link options that are set (exact optional properties: an unset option is absent, not undefined). */
export function linkOptionsOf(options: DrLinkOptions): DrLinkOptions {
  return {
    ...(options.bandwidthMbps !== undefined ? { bandwidthMbps: options.bandwidthMbps } : {}),
    ...(options.chargeType !== undefined ? { chargeType: options.chargeType } : {}),
    ...(options.serviceLevel !== undefined ? { serviceLevel: options.serviceLevel } : {}),
  };
}

/**
 * A topology fragment: what every planner returns, for a front end, or for `validateDocument(drPlanDocument(plan))`
 * (the planner's own fields below, set only with a routing policy or an external peering, are no document keys).
 */
export interface DrPlan {
  readonly vpcs: VpcSpec[];
  readonly peerings: PeeringSpec[];
  readonly routes: RouteSpec[];
  readonly bandwidthPolicies: NonNullable<TopologyInput["bandwidthPolicies"]>;
  /**
   * What the planner refused in its inputs (a routing policy outside the peers, say), before any topology
   * exists; the front ends throw them with the validators' findings. Absent when there is none.
   */
  readonly diagnostics?: readonly Diagnostic[];
  /**
   * Peerings by planned id that this stack does not own both ends of (requester-only, or an existing peering it
   * accepts); the front ends create no acceptance for the first, no peering for the second. Absent when none.
   */
  readonly externalPeerings?: Readonly<Record<string, DrExternalPeering>>;
  /** VPCs whose routes are managed elsewhere (`routes: "none"`): their missing return routes are not warned of. */
  readonly routedElsewhere?: readonly string[];
}

export function siteToVpc(site: DrSite): VpcSpec {
  return {
    id: site.vpc,
    cloud: site.cloud,
    region: site.region,
    account: site.account,
    cidrs: [...site.cidrs],
    ...(site.assignedIpv6Cidrs && site.assignedIpv6Cidrs.length > 0
      ? { assignedIpv6Cidrs: [...site.assignedIpv6Cidrs] }
      : {}),
    ...(site.routeTables && site.routeTables.length > 0 ? { routeTables: [...site.routeTables] } : {}),
  };
}

/**
 * A peering between two sites. Bandwidth and billing go on cross-region peerings, and on same-region ones only
 * where the cloud requires them there too (Baidu, seed 001); Tencent same-region peerings are free and their
 * bandwidth cannot be set (seed 000 "同地域对等连接带宽无上限，不可修改"). Whether the options suit the cloud is
 * left to the core validators.
 */
export function planPeering(
  id: string,
  a: DrSite,
  b: DrSite,
  options: DrLinkOptions,
  name: string = id,
): PeeringSpec {
  const carries = a.region !== b.region || CLOUD_RULES[a.cloud].bandwidth.notSettable === "never";
  return {
    id,
    ...(name !== id ? { name } : {}),
    vpc: a.vpc,
    peerVpc: b.vpc,
    ...(carries && options.bandwidthMbps !== undefined ? { bandwidthMbps: options.bandwidthMbps } : {}),
    ...(carries && options.chargeType !== undefined ? { chargeType: options.chargeType } : {}),
    ...(carries && options.serviceLevel !== undefined ? { serviceLevel: options.serviceLevel } : {}),
  };
}

/**
 * The tables that get routes under the site's policy: by default the main one (routeTable omitted) and every
 * extra one, in order; none for `routes: "none"`.
 */
export function routeTablesOf(site: DrSite): (string | undefined)[] {
  return [...resolveRouting(site).tables];
}

/**
 * Routes from `from` to `to` through `peering`, as `from`'s routing policy asks: by default every CIDR of `to`
 * in every route table of `from`; with a list, the listed blocks inside `to`. Peering is not transitive
 * (seed 000 "对等连接互通性不传递"), so destinations are only ever inside the peer's own blocks.
 */
export function routesToPeer(from: DrSite, to: DrSite, peering: string): RouteSpec[] {
  const routes: RouteSpec[] = [];
  const routing = resolveRouting(from);
  const destinations = destinationsToPeer(routing, to);
  for (const table of routing.tables)
    for (const destination of destinations)
      routes.push({
        vpc: from.vpc,
        ...(table === undefined ? {} : { routeTable: table }),
        destination,
        peering,
      });
  return routes;
}

/** Routes on both sides of a peering: what makes traffic flow both ways (seed 000: 发包、回包路由). */
export function routesBothWays(a: DrSite, b: DrSite, peering: string): RouteSpec[] {
  return [...routesToPeer(a, b, peering), ...routesToPeer(b, a, peering)];
}

/** Sites in first-seen order, without repeating a VPC that two roles share (the core reports that case). */
export function distinctVpcs(sites: readonly DrSite[]): VpcSpec[] {
  const seen = new Set<string>();
  const out: VpcSpec[] = [];
  for (const site of sites) {
    if (seen.has(site.vpc)) continue;
    seen.add(site.vpc);
    out.push(siteToVpc(site));
  }
  return out;
}

/**
 * The planner's refusals of the sites' routing policies, each site checked against the sites it peers with
 * (`[role, site, peers]`), in role order; undefined when there is none (so a plan without problems has no field).
 */
export function checkSitesRouting(
  sites: readonly (readonly [role: string, site: DrSite, peers: readonly DrSite[]])[],
): { diagnostics?: Diagnostic[] } {
  const diagnostics = sites.flatMap(([role, site, peers]) => checkRouting(role, site, peers));
  return diagnostics.length > 0 ? { diagnostics } : {};
}

/** The `routedElsewhere` field of a plan: the sites that say `routes: "none"`, absent when there is none. */
export function routedElsewhereOf(sites: readonly DrSite[]): { routedElsewhere?: string[] } {
  const vpcs = [...new Set(sites.filter((s) => s.routing?.routes === "none").map((s) => s.vpc))];
  return vpcs.length > 0 ? { routedElsewhere: vpcs } : {};
}

/** The plan's topology document: its VPCs, peerings, routes and per-IP limits, without the planner's own fields. */
export function drPlanDocument(plan: DrPlan): TopologyInput {
  return {
    vpcs: plan.vpcs,
    peerings: plan.peerings,
    routes: plan.routes,
    bandwidthPolicies: plan.bandwidthPolicies,
  };
}
