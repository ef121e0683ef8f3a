import { type Cidr, compareCidrs } from "../cidr.js";
import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { peeringCounts } from "../peering-liveness.js";
import type { Peering, Vpc } from "../topology.js";
import { groupSize, topologyIndex } from "../topology-index.js";
import { blockRef } from "./block-place.js";
import type { Rule } from "./rule.js";

/** A peer's block met by the sweep: the block, the peering it comes through, that peering's far side. */
interface Entry {
  readonly cidr: Cidr;
  readonly peering: Peering;
  readonly peer: Vpc;
}

/**
 * The entries of one VPC, reused from VPC to VPC and sorted in place by insertion: a VPC has a handful of peers,
 * and an entry object, an array and a library sort per VPC made this the validator's largest source of garbage
 * (8 young-generation collections at 100k VPCs, bench validate). Array.prototype.sort has no small-array mode
 * that allocates nothing, so the few lines of insertion sort are written here; long lists still use it.
 */
class Sweep {
  readonly cidrs: Cidr[] = [];
  readonly peerings: Peering[] = [];
  readonly peers: Vpc[] = [];
  order: number[] = [];
  length = 0;

  reset(): void {
    this.length = 0;
  }

  add(cidr: Cidr, peering: Peering, peer: Vpc): void {
    const i = this.length++;
    this.cidrs[i] = cidr;
    this.peerings[i] = peering;
    this.peers[i] = peer;
  }

  entry(k: number): Entry {
    const i = this.order[k]!;
    return { cidr: this.cidrs[i]!, peering: this.peerings[i]!, peer: this.peers[i]! };
  }

  /** Fills `order` with 0..length-1 sorted by block (compareCidrs), stable. */
  sort(): void {
    const { cidrs, length } = this;
    const order = this.order;
    for (let i = 0; i < length; i++) order[i] = i;
    order.length = length;
    if (length > 32) {
      order.sort((a, b) => compareCidrs(cidrs[a]!, cidrs[b]!) || a - b);
      return;
    }
    for (let i = 1; i < length; i++) {
      const item = order[i]!;
      let j = i - 1;
      while (j >= 0 && compareCidrs(cidrs[order[j]!]!, cidrs[item]!) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
  }
}

/**
 * seed 000 "功能限制" (cross-region column): when one VPC has several cross-region peerings, the peer VPCs'
 * CIDRs must not overlap each other; same-region peerings do not constrain each other. A sweep over the peers'
 * blocks sorted by start address finds every conflicting pair of peerings in O(k log k) per VPC.
 */
export const checkPeerCidrConflict: Rule = (topology) => {
  const { peeringsOfVpc } = topologyIndex(topology);
  const out: Diagnostic[] = [];
  const sweep = new Sweep();
  topology.vpcs.forEach((vpc, v) => {
    if (!CLOUD_RULES[vpc.cloud].crossRegionPeersDisjoint) return;
    if (groupSize(peeringsOfVpc, v) < 2) return;
    sweep.reset();
    for (let i = peeringsOfVpc.start[v]!; i < peeringsOfVpc.start[v + 1]!; i++) {
      const peering = topology.peerings[peeringsOfVpc.items[i]!]!;
      if (!peering.crossRegion || !peeringCounts(peering.spec)) continue;
      const peer = peering.vpc === vpc ? peering.peerVpc : peering.vpc;
      for (const cidr of peer.cidrs) sweep.add(cidr, peering, peer);
    }
    if (sweep.length < 2) return;
    sweep.sort();
    // Made on the first conflict: most VPCs have none, and a set per VPC was most of this rule's garbage.
    let reported: Set<string> | undefined;
    // `best` reaches furthest; `other` reaches furthest among entries of a different peer than `best`.
    let best: Entry | undefined;
    let other: Entry | undefined;
    for (let k = 0; k < sweep.length; k++) {
      const entry = sweep.entry(k);
      const candidate = best && best.peer !== entry.peer ? best : other;
      if (
        candidate &&
        candidate.cidr.family === entry.cidr.family &&
        candidate.cidr.end >= entry.cidr.start
      ) {
        const [a, b] =
          candidate.peering.index < entry.peering.index ? [candidate, entry] : [entry, candidate];
        const key = `${a.peering.id}\u0000${b.peering.id}`;
        reported ??= new Set();
        if (!reported.has(key)) {
          reported.add(key);
          out.push(
            diagnostic(
              "PEER_CIDR_CONFLICT",
              b.peering.ref,
              `VPC "${vpc.id}" has cross-region peerings "${a.peering.id}" (to "${a.peer.id}", ${a.cidr.text}) and "${b.peering.id}" (to "${b.peer.id}", ${b.cidr.text}) whose peer CIDRs overlap; on ${vpc.cloud} the cross-region peers of one VPC must be disjoint.`,
              `Re-address "${b.peer.id}" or "${a.peer.id}" so that ${a.cidr.text} and ${b.cidr.text} are disjoint, or keep only one of the two peerings.`,
              { related: [a.peering.ref, blockRef(a.peer, a.cidr), blockRef(b.peer, b.cidr)] },
            ),
          );
        }
      }
      if (!best || best.cidr.family !== entry.cidr.family || entry.cidr.end > best.cidr.end) {
        if (best && best.peer !== entry.peer && best.cidr.family === entry.cidr.family) other = best;
        else if (best && best.cidr.family !== entry.cidr.family) other = undefined;
        best = entry;
      } else if (entry.peer !== best.peer && (!other || entry.cidr.end > other.cidr.end)) {
        other = entry;
      }
    }
  });
  return out;
};
