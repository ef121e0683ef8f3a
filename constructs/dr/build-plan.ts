/**
 * Turns a planner's topology fragment (provider/core/dr) into peerlink constructs, so that the CDKTF DR
 * constructs and the Pulumi components describe the same topology: the planner decides, this only maps.
 */
import { Token } from "cdktf";
import type { Construct } from "constructs";
import { planBlocks } from "../../provider/core/dr/deferred-ipv6.js";
import type { DrRouting } from "../../provider/core/dr/routing-policy.js";
import type { DrPlan, DrSite } from "../../provider/core/dr/site.js";
import { TopologyValidationError } from "../../provider/core/errors.js";
import { BandwidthPolicy } from "../bandwidth-policy.js";
import { ExistingPeering } from "../existing-peering.js";
import { Peering } from "../peering.js";
import { PeeringAcceptance } from "../peering-acceptance.js";
import { RouteRule } from "../route-rule.js";
import { type VpcSite, vpcTopologyId } from "../vpc-site.js";

/**
 * The planner's view of a VpcSite: its topology id, its extra route tables by id, and the routing policy the DR
 * construct was given for this site's role.
 */
export function toDrSite(site: VpcSite, routing?: DrRouting): DrSite {
  return {
    vpc: vpcTopologyId(site),
    cloud: site.cloud,
    region: site.region,
    account: site.account,
    cidrs: site.cidrs,
    ...(site.assignedIpv6Cidrs !== undefined ? { assignedIpv6Cidrs: plannedIpv6(site).blocks } : {}),
    routeTables: site.routeTableIds ?? [],
    ...(routing !== undefined ? { routing } : {}),
  };
}

/**
 * A site's assigned IPv6 blocks for the planner: a token (a `huaweicloud_vpc_subnet`'s `ipv6_cidr`, known only at
 * apply) stands as its placeholder (core/dr/deferred-ipv6.ts), the same one the synth validation uses.
 */
export function plannedIpv6(site: VpcSite) {
  return planBlocks(vpcTopologyId(site), site.assignedIpv6Cidrs ?? [], (block) => Token.isUnresolved(block));
}

export interface BuildOptions {
  /** The construct id of a planned peering (planner ids may hold user text; construct ids must not hold tokens). */
  readonly constructId: (plannedId: string) => string;
  /**
   * Accept every peering from the accepter's side.
   * @default true for peerings whose two accounts are known and differ
   */
  readonly acceptance?: boolean;
  /** Per-IP limits are applied outside Terraform (see BandwidthPolicy). @default false */
  readonly bandwidthPoliciesManagedOutsideTerraform?: boolean;
}

export interface BuiltPlan {
  /** By the planner's peering id: an ExistingPeering for a peering accepted, not requested, here. */
  readonly peerings: ReadonlyMap<string, Peering | ExistingPeering>;
  readonly acceptances: readonly PeeringAcceptance[];
  readonly routes: readonly RouteRule[];
  readonly bandwidthPolicies: readonly BandwidthPolicy[];
}

function accountsDiffer(a: VpcSite, b: VpcSite): boolean {
  return !Token.isUnresolved(a.account) && !Token.isUnresolved(b.account) && a.account !== b.account;
}

export function buildPlan(
  scope: Construct,
  plan: DrPlan,
  sites: readonly VpcSite[],
  options: BuildOptions,
): BuiltPlan {
  // The planner's refusals throw at construction, as a CDKTF user's mistake should (the path says which construct).
  if (plan.diagnostics && plan.diagnostics.length > 0)
    throw new TopologyValidationError(
      plan.diagnostics.map((d) => ({ ...d, resource: `${scope.node.path}/${d.resource}` })),
    );
  const siteById = new Map(sites.map((s) => [vpcTopologyId(s), s]));
  const site = (id: string): VpcSite => siteById.get(id)!;
  const peerings = new Map<string, Peering | ExistingPeering>();
  const acceptances: PeeringAcceptance[] = [];
  for (const planned of plan.peerings) {
    const vpc = site(planned.vpc);
    const peerVpc = site(planned.peerVpc);
    const id = options.constructId(planned.id);
    const external = plan.externalPeerings?.[planned.id];
    if (external?.mode === "accept-existing") {
      // Requested outside the stack: accept it (when another account requested it) and route this side only.
      const existing = new ExistingPeering(scope, id, {
        cloud: vpc.cloud,
        peeringId: external.peeringId,
        vpc,
        peerVpc,
        name: planned.name ?? planned.id,
      });
      peerings.set(planned.id, existing);
      if (options.acceptance ?? accountsDiffer(vpc, peerVpc))
        acceptances.push(
          new PeeringAcceptance(scope, `${id}-acceptance`, { cloud: vpc.cloud, peering: existing }),
        );
      continue;
    }
    const peering = new Peering(scope, id, {
      cloud: vpc.cloud,
      vpc,
      peerVpc,
      name: planned.name ?? planned.id,
      bandwidthMbps: planned.bandwidthMbps,
      chargeType: planned.chargeType,
      serviceLevel: planned.serviceLevel,
    });
    peerings.set(planned.id, peering);
    // Requester-only: the accepter account's own stack accepts (the planner refuses what that cannot serve).
    const requesterOnly = plan.externalPeerings?.[planned.id]?.mode === "requester-only";
    if (options.acceptance ?? (!requesterOnly && accountsDiffer(vpc, peerVpc)))
      acceptances.push(new PeeringAcceptance(scope, `${id}-acceptance`, { cloud: vpc.cloud, peering }));
  }
  const routes: RouteRule[] = [];
  const counters = new Map<string, number>();
  // A placeholder destination is routed to the token it stands for.
  const tokenOf = new Map(
    sites.flatMap((s) => [...plannedIpv6(s).deferred].map(([p, d]) => [p, d.block] as const)),
  );
  for (const planned of plan.routes) {
    const peering = peerings.get(planned.peering)!;
    const n = counters.get(planned.peering) ?? 0;
    counters.set(planned.peering, n + 1);
    const vpc = site(planned.vpc);
    routes.push(
      new RouteRule(scope, `${peering.node.id}-route-${n}`, {
        cloud: vpc.cloud,
        vpc,
        peering,
        destination: tokenOf.get(planned.destination) ?? planned.destination,
        routeTableId: planned.routeTable,
      }),
    );
  }
  const bandwidthPolicies = plan.bandwidthPolicies.map((planned, i) => {
    // The planner plans no per-IP limit on an existing peering (the requester's to set: EXTERNAL_PEERING_INVALID).
    const peering = peerings.get(planned.peering) as Peering;
    return new BandwidthPolicy(scope, `${peering.node.id}-bandwidth-policy-${i}`, {
      cloud: peering.cloud,
      peering,
      ip: planned.ip,
      limitMbps: planned.limitMbps,
      ...(planned.vpc !== undefined ? { vpc: site(planned.vpc) } : {}),
      managedOutsideTerraform: options.bandwidthPoliciesManagedOutsideTerraform ?? false,
    });
  });
  return { peerings, acceptances, routes, bandwidthPolicies };
}
