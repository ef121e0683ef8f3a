import { overlaps } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Route } from "../topology.js";
import type { Rule } from "./rule.js";

/**
 * One destination per route table (the clouds refuse a second entry for the same destination), and no route
 * to the VPC's own CIDRs (local traffic never leaves the VPC).
 */
export const checkRouteConflict: Rule = (topology) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Route>();
  for (const route of topology.routes) {
    const own = route.vpc.cidrs.find((c) => overlaps(c, route.destination));
    if (own) {
      out.push(
        diagnostic(
          "ROUTE_CONFLICT",
          route.resource,
          `Route in VPC "${route.vpc.id}" has destination ${route.destination.text}, which overlaps the VPC's own CIDR ${own.text}.`,
          `Use a destination in the peer VPC; traffic to ${own.text} stays inside "${route.vpc.id}".`,
        ),
      );
    }
    const key = `${route.vpc.id}\u0000${route.routeTable}\u0000${route.destination.text}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, route);
      continue;
    }
    const table = `route table "${route.routeTable}" of VPC "${route.vpc.id}"`;
    out.push(
      diagnostic(
        "ROUTE_CONFLICT",
        route.resource,
        first.peering === route.peering
          ? `Destination ${route.destination.text} appears twice in ${table} (also ${first.resource}).`
          : `Destination ${route.destination.text} in ${table} has two next hops: peering "${first.peering.id}" (${first.resource}) and peering "${route.peering.id}".`,
        first.peering === route.peering
          ? "Remove the duplicate route."
          : "Keep one route for this destination; a route table holds one next hop per destination.",
      ),
    );
  }
  return out;
};
