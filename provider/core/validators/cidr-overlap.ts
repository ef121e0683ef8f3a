import { firstOverlap } from "../cidr.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { peeringCounts } from "../peering-liveness.js";
import { blockRef } from "./block-place.js";
import type { Rule } from "./rule.js";

/** seed 000 "对等连接的两端私有网络 CIDR 不可以重叠，重叠时创建会报错", checked over every CIDR of both VPCs. */
export const checkCidrOverlap: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const peering of topology.peerings) {
    // A REJECTED or DELETED peering joins nothing any more (peering-liveness.ts).
    if (peering.vpc === peering.peerVpc || !peeringCounts(peering.spec)) continue;
    const hit = firstOverlap(peering.vpc.cidrs, peering.peerVpc.cidrs);
    if (!hit) continue;
    out.push(
      diagnostic(
        "CIDR_OVERLAP",
        peering.ref,
        `VPC "${peering.vpc.id}" CIDR ${hit.left.text} overlaps VPC "${peering.peerVpc.id}" CIDR ${hit.right.text}; peered VPCs must not overlap.`,
        `Re-address one of the VPCs (or remove the overlapping secondary CIDR) so that ${hit.left.text} and ${hit.right.text} are disjoint.`,
        { related: [blockRef(peering.vpc, hit.left), blockRef(peering.peerVpc, hit.right)] },
      ),
    );
  }
  return out;
};
