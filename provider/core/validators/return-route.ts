import { overlaps } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/**
 * seed 000 "即使建立了对等连接，如果两端没有配置发包、回包路由，也无法实现通信": a route from A through P needs a
 * route in B through P back to A's CIDRs, or replies never arrive.
 */
export const checkReturnRoute: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const route of topology.routes) {
    const peer = route.peerVpc;
    if (!peer || peer === route.vpc) continue;
    if (!peer.cidrs.some((c) => overlaps(c, route.destination))) continue;
    const back = topology.routesByPeering
      .get(route.peering.id)
      ?.some((r) => r.vpc === peer && route.vpc.cidrs.some((c) => overlaps(c, r.destination)));
    if (back) continue;
    const own = route.vpc.cidrs.map((c) => c.text).join(", ");
    out.push(
      diagnostic(
        "MISSING_RETURN_ROUTE",
        route.ref,
        `Route in VPC "${route.vpc.id}" to ${route.destination.text} through peering "${route.peering.id}" has no return route: VPC "${peer.id}" has no route through "${route.peering.id}" to ${own}.`,
        `Add a route { vpc: ${peer.id}, destination: ${route.vpc.cidrs[0]?.text ?? own}, peering: ${route.peering.id} }.`,
      ),
    );
  }
  return out;
};
