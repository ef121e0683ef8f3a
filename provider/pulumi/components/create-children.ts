/**
 * The last step of every DR component: loop over the child specs and create the resources, each with the
 * connection of the side it acts for. Mirrors constructs/dr/build-plan.ts, so that the CDKTF constructs and the
 * Pulumi components turn the same plan into the same peerings and routes.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PeeringStatus } from "../../backends/backend.js";
import type { BandwidthPolicy } from "../bandwidth-policy.js";
import type { Peering } from "../peering.js";
import type { PeeringAcceptance } from "../peering-acceptance.js";
import type { RouteRule } from "../route-rule.js";
import { type ChildFactory, dynamicChildren } from "./child-factory.js";
import type { ChildSpecs } from "./child-specs.js";
import type { ResolvedSite } from "./site.js";

/** Options every DR component passes on to its peerings, acceptances and routes. */
export interface DrResourceOptions {
  /**
   * Tags on every peering.
   * @default none
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * How long creating a peering, accepting it and adding a route wait for the target state, in seconds.
   * @default 600
   */
  readonly timeoutSeconds?: pulumi.Input<number>;
}

export interface CreatedChildren {
  /** By the planner's peering id; an existing peering (accepted only) has none. */
  readonly peerings: ReadonlyMap<string, Peering>;
  /** Every planned peering's id by the planner's id: the created Peering's, or the existing one's. */
  readonly peeringIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** By the planner's peering id; only cross-account peerings have one. */
  readonly acceptances: ReadonlyMap<string, PeeringAcceptance>;
  readonly routes: readonly RouteRule[];
  readonly bandwidthPolicies: readonly BandwidthPolicy[];
  /** The status that matters per peering: the acceptance's when there is one (ACTIVE once accepted). */
  readonly statuses: ReadonlyMap<string, pulumi.Output<PeeringStatus>>;
}

export function createChildren(
  parent: pulumi.ComponentResource,
  specs: ChildSpecs,
  sites: readonly ResolvedSite[],
  options: DrResourceOptions,
  factory: ChildFactory = dynamicChildren,
): CreatedChildren {
  const siteById = new Map(sites.map((s) => [s.drSite.vpc, s]));
  const site = (id: string): ResolvedSite => {
    const found = siteById.get(id);
    if (!found) throw new Error(`peerlink: the plan names VPC "${id}", which is no site of ${parent.urn}`);
    return found;
  };
  // A destination known only at apply goes to its RouteRule as the program's Output (deferred-ipv6.ts).
  const deferred = new Map(sites.flatMap((s) => [...s.deferredIpv6].map(([k, v]) => [k, v.input] as const)));
  const timeout = options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {};
  const peerings = new Map<string, Peering>();
  const acceptances = new Map<string, PeeringAcceptance>();
  const statuses = new Map<string, pulumi.Output<PeeringStatus>>();
  const peeringIds = new Map<string, pulumi.Input<string>>();
  for (const spec of specs.peerings) {
    const requester = site(spec.requester);
    const accepter = site(spec.accepter);
    if (spec.existingPeeringId !== undefined) {
      // Requested outside this stack: accept it with the accepter's connection; the routes wait for that.
      const acceptance = factory.acceptance(
        spec.acceptanceName ?? `${spec.resourceName}-acceptance`,
        {
          ...(accepter.connection ? { connection: accepter.connection } : {}),
          peeringId: spec.existingPeeringId,
          ...timeout,
        },
        { parent },
      );
      acceptances.set(spec.plannedId, acceptance);
      statuses.set(spec.plannedId, acceptance.status);
      peeringIds.set(spec.plannedId, spec.existingPeeringId);
      continue;
    }
    const peering = factory.peering(
      spec.resourceName,
      {
        ...(requester.connection ? { connection: requester.connection } : {}),
        vpcId: requester.vpcId,
        peerVpcId: accepter.vpcId,
        peerRegion: accepter.drSite.region,
        // Same account: omitted, so the requester's connection decides (the accounts are the same by plan).
        ...(spec.crossAccount ? { peerAccount: accepter.drSite.account } : {}),
        // The live check cannot see another account's VPC; the planned CIDRs let it (and the policy) check it.
        peerVpcCidrs: [...accepter.drSite.cidrs],
        name: spec.name,
        ...(spec.bandwidthMbps !== undefined ? { bandwidthMbps: spec.bandwidthMbps } : {}),
        ...(spec.chargeType !== undefined ? { chargeType: spec.chargeType } : {}),
        ...(spec.serviceLevel !== undefined ? { serviceLevel: spec.serviceLevel } : {}),
        ...(options.tags !== undefined ? { tags: options.tags } : {}),
        ...timeout,
      },
      { parent },
    );
    peerings.set(spec.plannedId, peering);
    peeringIds.set(spec.plannedId, peering.id);
    let status = peering.status;
    if (spec.acceptanceName !== undefined) {
      const acceptance = factory.acceptance(
        spec.acceptanceName,
        {
          ...(accepter.connection ? { connection: accepter.connection } : {}),
          // The id, not the `peeringId` output: it stays known while preview plans an in-place update of the
          // peering (a resize, new credentials), so the acceptance and routes do not plan a replacement.
          peeringId: peering.id,
          ...timeout,
        },
        { parent },
      );
      acceptances.set(spec.plannedId, acceptance);
      status = acceptance.status;
    }
    statuses.set(spec.plannedId, status);
  }
  const after = (plannedId: string): pulumi.CustomResourceOptions => {
    const acceptance = acceptances.get(plannedId);
    return acceptance ? { parent, dependsOn: [acceptance] } : { parent };
  };
  const peeringIdOf = (plannedId: string): pulumi.Input<string> => {
    const found = peeringIds.get(plannedId);
    if (found === undefined)
      throw new Error(`peerlink: the plan routes through peering "${plannedId}", which it does not plan`);
    return found;
  };
  const acceptedBy = (plannedId: string): { acceptedByAccount?: string } => {
    const account = specs.peerings.find((p) => p.plannedId === plannedId)?.acceptedByAccount;
    return account !== undefined ? { acceptedByAccount: account } : {};
  };
  const routes = specs.routes.map((spec) => {
    const side = site(spec.vpc);
    const table = spec.routeTable === undefined ? undefined : side.routeTableIds.get(spec.routeTable);
    return factory.routeRule(
      spec.resourceName,
      {
        ...(side.connection ? { connection: side.connection } : {}),
        vpcId: side.vpcId,
        ...(table !== undefined ? { routeTableId: table } : {}),
        destination: deferred.get(spec.destination) ?? spec.destination,
        peeringId: peeringIdOf(spec.peering),
        description: spec.description,
        ...timeout,
        ...acceptedBy(spec.peering),
      },
      after(spec.peering),
    );
  });
  const bandwidthPolicies = specs.bandwidthPolicies.map((spec) => {
    const planned = specs.peerings.find((p) => p.plannedId === spec.peering);
    const requester = site(planned?.requester ?? "");
    return factory.bandwidthPolicy(
      spec.resourceName,
      {
        ...(requester.connection ? { connection: requester.connection } : {}),
        peeringId: peeringIdOf(spec.peering),
        limits: spec.limits.map((l) => ({ ip: l.ip, limitMbps: l.limitMbps, vpcId: site(l.vpc).vpcId })),
        ...timeout,
      },
      after(spec.peering),
    );
  });
  return { peerings, peeringIds, acceptances, routes, bandwidthPolicies, statuses };
}
