/**
 * Which destination blocks each VPC can reach in each peer, and whether replies can come back. Non-transitive
 * by construction: only the two VPCs of a peering ever reach each other through it (seed 000 "对等连接互通性不传递").
 */
import { compareCidrs, coveredBy, overlaps } from "./cidr.js";
import type { Peering, Route, Topology, Vpc } from "./topology.js";

export interface ReachabilityEntry {
  readonly from: string;
  readonly to: string;
  readonly peering: string;
  /** Blocks inside `to` that routes of `from` send through the peering, numerically sorted, without repeats. */
  readonly destinations: readonly string[];
  /**
   * Blocks that routes of `from` send through the peering although `to` does not hold them (numerically sorted,
   * without repeats): `to` drops that traffic, since peering is never transitive (the validators' TRANSITIVE_ROUTE
   * or ROUTE_DESTINATION_NOT_IN_PEER says why).
   */
  readonly dropped: readonly string[];
  /** The route tables of `from` those routes live in ("main" for the main table). */
  readonly routeTables: readonly string[];
  /** `to` routes back to `from`'s CIDRs through the same peering. */
  readonly returnPath: boolean;
  /** Traffic can really flow: a route there and a route back. */
  readonly flows: boolean;
}

export interface Reachability {
  readonly vpcs: readonly string[];
  /** One entry per peering and direction (two per peering), in document order. */
  readonly entries: readonly ReachabilityEntry[];
}

/** A route that actually delivers into the peer VPC (wrong routes are the validators' business). */
function delivers(route: Route, to: Vpc): boolean {
  return route.peerVpc === to && coveredBy(route.destination, to.cidrs);
}

/** Distinct blocks, numerically sorted. */
function blocksOf(routes: readonly Route[]): string[] {
  const blocks = [...new Map(routes.map((r) => [r.destination.text, r.destination])).values()];
  return blocks.sort(compareCidrs).map((b) => b.text);
}

function direction(peering: Peering, from: Vpc, to: Vpc, routes: readonly Route[]): ReachabilityEntry {
  const outbound = routes.filter((r) => r.vpc === from && r.peerVpc === to);
  const forward = outbound.filter((r) => delivers(r, to));
  const back = routes.some(
    (r) => r.vpc === to && delivers(r, from) && from.cidrs.some((c) => overlaps(c, r.destination)),
  );
  return {
    from: from.id,
    to: to.id,
    peering: peering.id,
    destinations: blocksOf(forward),
    dropped: blocksOf(outbound.filter((r) => !delivers(r, to))),
    routeTables: [...new Set(forward.map((r) => r.routeTable))].sort(),
    returnPath: back,
    flows: forward.length > 0 && back,
  };
}

export function computeReachability(topology: Topology): Reachability {
  const entries: ReachabilityEntry[] = [];
  for (const peering of topology.peerings) {
    if (peering.vpc === peering.peerVpc) continue;
    const routes = topology.routesByPeering.get(peering.id) ?? [];
    entries.push(direction(peering, peering.vpc, peering.peerVpc, routes));
    entries.push(direction(peering, peering.peerVpc, peering.vpc, routes));
  }
  return { vpcs: topology.vpcs.map((v) => v.id), entries };
}

/** Whether traffic can flow from VPC `from` to VPC `to` (a route there and back), and over which peering. */
export function canReach(
  reachability: Reachability,
  from: string,
  to: string,
): { readonly flows: boolean; readonly via?: string } {
  const entry = reachability.entries.find((e) => e.from === from && e.to === to && e.flows);
  return entry ? { flows: true, via: entry.peering } : { flows: false };
}
