import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { peeringCounts } from "../peering-liveness.js";
import type { Peering } from "../topology.js";
import { groupSize, type TopologyIndex, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const NONE = -1;

/**
 * The first peering before `p` that joins the same two (distinct) VPCs, in either direction, or NONE. It is
 * among the peerings of either VPC, so the shorter list is searched: no pair key is built per peering. A peering
 * the cloud no longer counts (REJECTED, DELETED: peering-liveness.ts) is no twin.
 */
function earlierTwin(index: TopologyIndex, peerings: readonly Peering[], p: number): number {
  const { peeringVpc, peeringPeerVpc, peeringsOfVpc } = index;
  const a = peeringVpc[p]!;
  const b = peeringPeerVpc[p]!;
  const side = groupSize(peeringsOfVpc, a) <= groupSize(peeringsOfVpc, b) ? a : b;
  const { start, items } = peeringsOfVpc;
  for (let i = start[side]!; i < start[side + 1]!; i++) {
    const q = items[i]!;
    if (q >= p) break;
    if (!peeringCounts(peerings[q]!.spec)) continue;
    const x = peeringVpc[q];
    const y = peeringPeerVpc[q];
    if ((x === a && y === b) || (x === b && y === a)) return q;
  }
  return NONE;
}

/** seed 001 "Only one peering connection is allowed between any two VPCs", in either direction. */
export const checkDuplicatePeering: Rule = (topology) => {
  const index = topologyIndex(topology);
  const out: Diagnostic[] = [];
  const { peerings } = topology;
  for (let p = 0; p < peerings.length; p++) {
    const peering = peerings[p]!;
    if (peering.vpc === peering.peerVpc || !peeringCounts(peering.spec)) continue;
    const twin = earlierTwin(index, peerings, p);
    if (twin === NONE) continue;
    const existing = peerings[twin]!;
    out.push(
      diagnostic(
        "DUPLICATE_PEERING",
        peering.ref,
        `Peering "${peering.id}" joins VPCs "${peering.vpc.id}" and "${peering.peerVpc.id}", which peering "${existing.id}" already joins.`,
        `Remove "${peering.id}" and point its routes at "${existing.id}"; one peering carries all CIDRs of both VPCs.`,
        { related: [existing.ref] },
      ),
    );
  }
  return out;
};
