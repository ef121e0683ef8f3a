/**
 * What the validators are asked about a discovered estate. A discovered document holds every peering the cloud
 * lists, in whatever state; the plan-time rules were written for peerings that are (or will be) ACTIVE. So the
 * rules see the peerings that still count on the cloud (every state but REJECTED and DELETED: an EXPIRED request
 * still holds its pair, seed 000 启用过期对等连接) and the routes through ACTIVE peerings; the routes through
 * anything else are the audit's own ROUTE_PEERING_NOT_ACTIVE finding.
 */
import { countsOnCloud } from "../peering-liveness.js";
import type { ObservedPeeringStatus, PeeringSpec, TopologyDocument } from "../topology-schema.js";

/** A peering's state; a declared peering (no `status`) is taken as ACTIVE, what it is declared to be. */
export function statusOf(peering: PeeringSpec): ObservedPeeringStatus {
  return peering.status ?? "ACTIVE";
}

/** States the cloud no longer counts for pairs, limits and CIDR rules (one rule: core/peering-liveness.ts). */
export { countsOnCloud };

export interface LiveView {
  /** The document the validators run on. */
  readonly document: TopologyDocument;
  /** `document.routes[i]` is the discovered document's `routes[routeIndex[i]]`. */
  readonly routeIndex: readonly number[];
}

export function liveView(discovered: TopologyDocument): LiveView {
  const peerings = discovered.peerings.filter((p) => countsOnCloud(statusOf(p)));
  const active = new Set(peerings.filter((p) => statusOf(p) === "ACTIVE").map((p) => p.id));
  const routes: TopologyDocument["routes"] = [];
  const routeIndex: number[] = [];
  discovered.routes.forEach((route, i) => {
    if (!active.has(route.peering)) return;
    routes.push(route);
    routeIndex.push(i);
  });
  const bandwidthPolicies = discovered.bandwidthPolicies.filter((b) => active.has(b.peering));
  return { document: { ...discovered, peerings, routes, bandwidthPolicies }, routeIndex };
}
