import { diagnostic } from "../diagnostics.js";
import { groupSize, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

/** seed 000: a peering carries no traffic until routes on both sides point at it. */
export const checkPeeringUnused: Rule = (topology) => {
  const { routesOfPeering } = topologyIndex(topology);
  return topology.peerings
    .filter((p, position) => p.vpc !== p.peerVpc && groupSize(routesOfPeering, position) === 0)
    .map((p) =>
      diagnostic(
        "PEERING_UNUSED",
        p.ref,
        `Peering "${p.id}" between "${p.vpc.id}" and "${p.peerVpc.id}" has no route on either side, so it carries no traffic.`,
        `Add routes in "${p.vpc.id}" to ${p.peerVpc.cidrs[0]?.text ?? "the peer's CIDR"} and in "${p.peerVpc.id}" to ${p.vpc.cidrs[0]?.text ?? "the VPC's CIDR"} through "${p.id}", or remove the peering.`,
      ),
    );
};
