/**
 * IPv6 through a peering, where the cloud documents it. The rulebook's `ipv6PeeringRoutes` says which clouds do
 * (Huawei's CreateVpcRoute: "支持IPv4和IPv6"); on the others no page names an IPv6 destination for a peering
 * route, so a DR plan that would route an IPv6 block there is refused (IPV6_PEERING_UNSUPPORTED) instead of
 * leaving the cloud to refuse it, or to accept a route that carries nothing.
 */
import { parseCidr } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { ipv6PeeringRoutes } from "../rulebook/index.js";
import type { DrPlan, DrSite } from "./site.js";

/** One IPV6_PEERING_UNSUPPORTED per site and IPv6 destination the plan routes through a peering there. */
export function checkIpv6PeeringRoutes(plan: DrPlan, sites: readonly DrSite[]): Diagnostic[] {
  const byVpc = new Map(sites.map((s) => [s.vpc, s]));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const route of plan.routes) {
    const site = byVpc.get(route.vpc);
    const parsed = parseCidr(route.destination);
    if (!site || !parsed.ok || parsed.cidr.family !== 6 || ipv6PeeringRoutes(site.cloud)) continue;
    const key = `${route.vpc} ${route.destination}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      diagnostic(
        "IPV6_PEERING_UNSUPPORTED",
        { kind: "document", path: [route.vpc, "routes", route.destination] },
        `Site "${route.vpc}" (${site.cloud}) would route the IPv6 block ${route.destination} through peering "${route.peering}", but ${site.cloud}'s documentation names no IPv6 destination for a peering route (rulebook: ipv6PeeringRoutes).`,
        `Route IPv4 blocks only on ${site.cloud}: leave the IPv6 block out of the peer's cidrs, or give this site a routing policy (routing.routes) listing IPv4 blocks.`,
      ),
    );
  }
  return out;
}

/** The plan with the IPv6 refusals added to its diagnostics (unchanged when there is none). */
export function withIpv6Check(plan: DrPlan, sites: readonly DrSite[]): DrPlan {
  const found = checkIpv6PeeringRoutes(plan, sites);
  if (found.length === 0) return plan;
  return { ...plan, diagnostics: [...(plan.diagnostics ?? []), ...found] };
}
