import { type Cidr, overlapsAny } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { NOT_ON_PEERING, type TopologyIndex, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

/** Whether peering `p` has a route in VPC `peer` to a destination that overlaps `cidrs`. */
function hasReturn(index: TopologyIndex, p: number, peer: number, cidrs: readonly Cidr[]): boolean {
  const { start, items } = index.routesOfPeering;
  for (let i = start[p]!; i < start[p + 1]!; i++) {
    const back = items[i]!;
    if (index.routeVpc[back] === peer && overlapsAny(cidrs, index.routeDestination[back]!)) return true;
  }
  return false;
}

/**
 * The route to add in `peer`, one per block of `from` when it has several: the reply goes to whichever block the
 * sender is in, and the route's table may serve subnets of any of them.
 */
function returnRouteFix(peer: string, from: string, blocks: readonly Cidr[], peering: string): string {
  const route = (block: Cidr) => `{ vpc: ${peer}, destination: ${block.text}, peering: ${peering} }`;
  if (blocks.length <= 1)
    return `Add a route ${blocks[0] ? route(blocks[0]) : `in "${peer}" through "${peering}"`}.`;
  return `Add a route for each block of "${from}" whose subnets send through "${peering}": ${blocks.map(route).join(", ")}.`;
}

const UNKNOWN = 0;
const FOUND = 1;
const MISSING = 2;

/**
 * seed 000 "即使建立了对等连接，如果两端没有配置发包、回包路由，也无法实现通信": a route from A through P needs a
 * route in B through P back to A's CIDRs, or replies never arrive. The answer depends only on the peering and
 * the side the route is on, so it is looked up once per (peering, side), not once per route.
 */
export const checkReturnRoute: Rule = (topology) => {
  const index = topologyIndex(topology);
  const { vpcs } = topology;
  const returns = new Uint8Array(2 * topology.peerings.length);
  const out: Diagnostic[] = [];
  for (let r = 0; r < index.routeCount; r++) {
    const from = index.routeVpc[r]!;
    const peer = index.routePeer[r]!;
    if (peer === NOT_ON_PEERING || peer === from) continue;
    if (!overlapsAny(vpcs[peer]!.cidrs, index.routeDestination[r]!)) continue;
    const p = index.routePeering[r]!;
    const side = 2 * p + (index.peeringVpc[p] === from ? 0 : 1);
    if (returns[side] === UNKNOWN)
      returns[side] = hasReturn(index, p, peer, vpcs[from]!.cidrs) ? FOUND : MISSING;
    if (returns[side] === FOUND) continue;
    const route = index.route(r);
    const own = route.vpc.cidrs.map((c) => c.text).join(", ");
    const peerId = vpcs[peer]!.id;
    out.push(
      diagnostic(
        "MISSING_RETURN_ROUTE",
        route.ref,
        `Route in VPC "${route.vpc.id}" to ${route.destination.text} through peering "${route.peering.id}" has no return route: VPC "${peerId}" has no route through "${route.peering.id}" to ${own}.`,
        returnRouteFix(peerId, route.vpc.id, route.vpc.cidrs, route.peering.id),
        { field: ["destination"], related: [vpcs[peer]!.ref] },
      ),
    );
  }
  return out;
};
