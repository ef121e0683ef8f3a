import { overlaps } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Route, Vpc } from "../topology.js";
import type { Rule } from "./rule.js";

function ownOverlap(route: Route): Diagnostic | undefined {
  const own = route.vpc.cidrs.find((c) => overlaps(c, route.destination));
  if (!own) return undefined;
  return diagnostic(
    "ROUTE_CONFLICT",
    route.ref,
    `Route in VPC "${route.vpc.id}" has destination ${route.destination.text}, which overlaps the VPC's own CIDR ${own.text}.`,
    `Use a destination in the peer VPC; traffic to ${own.text} stays inside "${route.vpc.id}".`,
  );
}

function duplicate(route: Route, first: Route): Diagnostic {
  const table = `route table "${route.routeTable}" of VPC "${route.vpc.id}"`;
  const same = first.peering === route.peering;
  return diagnostic(
    "ROUTE_CONFLICT",
    route.ref,
    same
      ? `Destination ${route.destination.text} appears twice in ${table} (also ${first.resource}).`
      : `Destination ${route.destination.text} in ${table} has two next hops: peering "${first.peering.id}" (${first.resource}) and peering "${route.peering.id}".`,
    same
      ? "Remove the duplicate route."
      : "Keep one route for this destination; a route table holds one next hop per destination.",
  );
}

/**
 * One destination per route table (the clouds refuse a second entry for the same destination), and no route
 * to the VPC's own CIDRs (local traffic never leaves the VPC). Tables are nested maps (VPC, table, destination)
 * rather than one map of concatenated keys: on 800k routes the key strings alone cost more than the check.
 */
export const checkRouteConflict: Rule = (topology) => {
  const out: Diagnostic[] = [];
  const tables = new Map<Vpc, Map<string, Map<string, Route>>>();
  for (const route of topology.routes) {
    const own = ownOverlap(route);
    if (own) out.push(own);
    let byTable = tables.get(route.vpc);
    if (!byTable) {
      byTable = new Map();
      tables.set(route.vpc, byTable);
    }
    let byDestination = byTable.get(route.routeTable);
    if (!byDestination) {
      byDestination = new Map();
      byTable.set(route.routeTable, byDestination);
    }
    const first = byDestination.get(route.destination.text);
    if (first) out.push(duplicate(route, first));
    else byDestination.set(route.destination.text, route);
  }
  return out;
};
