import { type Cidr, overlaps } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Route } from "../topology.js";
import { type TopologyIndex, topologyIndex } from "../topology-index.js";
import { blockRef } from "./block-place.js";
import type { Rule } from "./rule.js";

/** The first of the VPC's own blocks that the destination overlaps. */
function ownBlock(cidrs: readonly Cidr[], destination: Cidr): Cidr | undefined {
  for (const cidr of cidrs) if (overlaps(cidr, destination)) return cidr;
  return undefined;
}

function ownOverlap(route: Route, own: Cidr): Diagnostic {
  return diagnostic(
    "ROUTE_CONFLICT",
    route.ref,
    `Route in VPC "${route.vpc.id}" has destination ${route.destination.text}, which overlaps the VPC's own CIDR ${own.text}.`,
    `Use a destination in the peer VPC; traffic to ${own.text} stays inside "${route.vpc.id}".`,
    { field: ["destination"], related: [blockRef(route.vpc, own)] },
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
    { field: ["destination"], related: [first.ref] },
  );
}

/** Up to this many routes in a VPC are compared pairwise; more go through a map. */
const PAIRWISE = 16;
const NONE = -1;

/**
 * For each route row, the row of the first route of the same VPC with the same table and destination, or NONE.
 * Routes are grouped by VPC in document order, and a VPC has few routes (8 in the benchmark's mesh), so most
 * groups are compared pairwise with no key built at all.
 */
function firstOfSameEntry(index: TopologyIndex): Int32Array {
  const first = new Int32Array(index.routeCount).fill(NONE);
  const { start, items } = index.routesOfVpc;
  const { routeTable: table, routeDestination: destination } = index;
  for (let v = 0; v + 1 < start.length; v++) {
    const from = start[v]!;
    const to = start[v + 1]!;
    if (to - from <= PAIRWISE) {
      for (let i = from + 1; i < to; i++) {
        const r = items[i]!;
        for (let j = from; j < i; j++) {
          const q = items[j]!;
          if (table[q] === table[r] && destination[q]!.text === destination[r]!.text) {
            first[r] = q;
            break;
          }
        }
      }
      continue;
    }
    const seen = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const r = items[i]!;
      const key = `${table[r]}\u0000${destination[r]!.text}`;
      const q = seen.get(key);
      if (q === undefined) seen.set(key, r);
      else first[r] = q;
    }
  }
  return first;
}

/**
 * One destination per route table (the clouds refuse a second entry for the same destination), and no route
 * to the VPC's own CIDRs (local traffic never leaves the VPC). Reported in route order.
 */
export const checkRouteConflict: Rule = (topology) => {
  const index = topologyIndex(topology);
  const { vpcs } = topology;
  const first = firstOfSameEntry(index);
  const out: Diagnostic[] = [];
  for (let r = 0; r < index.routeCount; r++) {
    const own = ownBlock(vpcs[index.routeVpc[r]!]!.cidrs, index.routeDestination[r]!);
    if (own === undefined && first[r] === NONE) continue;
    const route = index.route(r);
    if (own) out.push(ownOverlap(route, own));
    if (first[r] !== NONE) out.push(duplicate(route, index.route(first[r]!)));
  }
  return out;
};
