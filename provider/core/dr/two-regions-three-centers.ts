/**
 * "Two regions, three centres" (两地三中心, seed 000 "跨地域容灾" and the free same-region peering): production and
 * a same-region backup in the primary region, a remote DR VPC in another. Peering is not transitive (seed 000
 * "对等连接互通性不传递"), so all three pairs get their own peering and full-mesh routes; nothing is routed
 * through production.
 */
import {
  checkSitesRouting,
  type DrLinkOptions,
  type DrPlan,
  type DrSite,
  distinctVpcs,
  planPeering,
  routedElsewhereOf,
  routesBothWays,
} from "./site.js";

export interface TwoRegionsThreeCentersInput extends DrLinkOptions {
  /** Prefix of the three peering ids: `<name>-production-backup`, `<name>-production-dr`, `<name>-backup-dr`. */
  readonly name: string;
  readonly production: DrSite;
  /** The same-region backup centre. */
  readonly backup: DrSite;
  /** The remote DR centre in the other region. */
  readonly dr: DrSite;
}

/** The three roles, in the order their peerings are planned. */
export const THREE_CENTER_LINKS = [
  ["production", "backup"],
  ["production", "dr"],
  ["backup", "dr"],
] as const;

export function threeCentersPeeringId(
  name: string,
  a: (typeof THREE_CENTER_LINKS)[number][0],
  b: (typeof THREE_CENTER_LINKS)[number][1],
): string {
  return `${name}-${a}-${b}`;
}

export function planTwoRegionsThreeCenters(input: TwoRegionsThreeCentersInput): DrPlan {
  const sites = { production: input.production, backup: input.backup, dr: input.dr };
  const roles = ["production", "backup", "dr"] as const;
  const plan: DrPlan = {
    vpcs: distinctVpcs([sites.production, sites.backup, sites.dr]),
    peerings: [],
    routes: [],
    bandwidthPolicies: [],
    ...routedElsewhereOf([sites.production, sites.backup, sites.dr]),
    ...checkSitesRouting(
      roles.map((role) => [role, sites[role], roles.filter((r) => r !== role).map((r) => sites[r])] as const),
    ),
  };
  for (const [a, b] of THREE_CENTER_LINKS) {
    const id = threeCentersPeeringId(input.name, a, b);
    plan.peerings.push(planPeering(id, sites[a], sites[b], input));
    plan.routes.push(...routesBothWays(sites[a], sites[b], id));
  }
  return plan;
}
