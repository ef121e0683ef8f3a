import { coveredBy, overlaps, overlapsAny } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Peering, Route, Topology, Vpc } from "../topology.js";
import { NOT_ON_PEERING, topologyIndex } from "../topology-index.js";
import { VpcCidrIndex } from "../vpc-index.js";
import { blockRef } from "./block-place.js";
import { pairKey } from "./duplicate-peering.js";
import type { Rule } from "./rule.js";

function peeringBetween(topology: Topology, a: Vpc, b: Vpc): Peering | undefined {
  return topology.peeringsByVpc
    .get(a.id)
    ?.find((p) => pairKey(p.vpc.id, p.peerVpc.id) === pairKey(a.id, b.id));
}

/**
 * Of the third VPCs that contain the destination, the one the user most likely meant: one that really is a
 * peer of the next hop (the textbook transitive chain), then one directly peered with the route's VPC, then any.
 */
function pickTarget(topology: Topology, route: Route, peer: Vpc, candidates: Vpc[]): Vpc | undefined {
  const third = candidates.filter((c) => c !== route.vpc && c !== peer);
  return (
    third.find((c) => peeringBetween(topology, peer, c)) ??
    third.find((c) => peeringBetween(topology, route.vpc, c)) ??
    third[0]
  );
}

function transitive(topology: Topology, route: Route, peer: Vpc, target: Vpc): Diagnostic {
  const onward = peeringBetween(topology, peer, target);
  const direct = peeringBetween(topology, route.vpc, target);
  const chain = onward
    ? `"${route.vpc.id}" → (${route.peering.id}) → "${peer.id}" → (${onward.id}) → "${target.id}"`
    : `"${route.vpc.id}" → (${route.peering.id}) → "${peer.id}" ⇢ "${target.id}"`;
  const message = `Route in VPC "${route.vpc.id}" sends ${route.destination.text}, which lies in VPC "${target.id}", through peering "${route.peering.id}" to VPC "${peer.id}": the chain ${chain} needs transitive peering, and VPC peering is never transitive (seed 000 "对等连接互通性不传递").`;
  const fix = direct
    ? `Point this route at peering "${direct.id}", which joins "${route.vpc.id}" and "${target.id}" directly.`
    : `Create a direct peering between "${route.vpc.id}" and "${target.id}" and point this route at it.`;
  // The chain: the peering the route names, then the block of the VPC the destination lies in.
  const inTarget = target.cidrs.find((c) => overlaps(c, route.destination));
  const related = [route.peering.ref, inTarget ? blockRef(target, inTarget) : target.ref];
  return diagnostic("TRANSITIVE_ROUTE", route.ref, message, fix, { field: ["destination"], related });
}

/**
 * A route through a peering must send traffic to the peer VPC itself (Tencent CidrNotInPeerVpc). When the
 * destination is some third VPC of the document, the mistake is assuming transitivity; otherwise it is simply
 * outside the peer. Destinations inside the route's own VPC are ROUTE_CONFLICT's to report.
 */
export const checkRouteDestination: Rule = (topology) => {
  const rows = topologyIndex(topology);
  const { vpcs } = topology;
  const out: Diagnostic[] = [];
  let index: VpcCidrIndex | undefined;
  for (let r = 0; r < rows.routeCount; r++) {
    const from = rows.routeVpc[r]!;
    const to = rows.routePeer[r]!;
    if (to === NOT_ON_PEERING || to === from) continue;
    // A discovered peer the credentials cannot read (visible: false) has unknown blocks: nothing to judge.
    if (vpcs[to]!.spec.visible === false) continue;
    const destination = rows.routeDestination[r]!;
    if (coveredBy(destination, vpcs[to]!.cidrs)) continue;
    if (overlapsAny(vpcs[from]!.cidrs, destination)) continue;
    const route = rows.route(r);
    const peer = vpcs[to]!;
    index ??= new VpcCidrIndex(topology.vpcs);
    const target = pickTarget(topology, route, peer, index.containing(route.destination));
    if (target) {
      out.push(transitive(topology, route, peer, target));
      continue;
    }
    const partly = peer.cidrs.find((c) => overlaps(c, route.destination));
    const peerCidrs = peer.cidrs.map((c) => c.text).join(", ") || "none";
    out.push(
      diagnostic(
        "ROUTE_DESTINATION_NOT_IN_PEER",
        route.ref,
        partly
          ? `Route in VPC "${route.vpc.id}" through peering "${route.peering.id}" has destination ${route.destination.text}, which only partly lies in peer VPC "${peer.id}" (${peerCidrs}).`
          : `Route in VPC "${route.vpc.id}" through peering "${route.peering.id}" has destination ${route.destination.text}, which is outside peer VPC "${peer.id}" (${peerCidrs}).`,
        partly
          ? `Narrow the destination to the peer's block, e.g. ${partly.text}.`
          : `Use a destination inside ${peerCidrs}, or route ${route.destination.text} through a peering of the VPC that owns it.`,
        { field: ["destination"], related: [partly ? blockRef(peer, partly) : peer.ref] },
      ),
    );
  }
  return out;
};
