import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { peeringCounts } from "../peering-liveness.js";
import { groupSize, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

/**
 * The per-VPC peering quota of the rulebook (Tencent: seed 000 "每个私有网络支持的对等连接数 10"): initiated and
 * accepted peerings count together. A cloud whose quota no source documents is not limited here.
 */
export const checkPeeringLimit: Rule = (topology) => {
  const { peeringsOfVpc } = topologyIndex(topology);
  const out: Diagnostic[] = [];
  topology.vpcs.forEach((vpc, v) => {
    const limit = CLOUD_RULES[vpc.cloud].maxPeeringsPerVpc;
    if (limit === undefined || groupSize(peeringsOfVpc, v) <= limit) return;
    // A peering the cloud no longer counts (REJECTED, DELETED) takes no quota.
    const peerings = (topology.peeringsByVpc.get(vpc.id) ?? []).filter((p) => peeringCounts(p.spec));
    if (peerings.length <= limit) return;
    const ids = peerings.map((p) => p.id);
    out.push(
      diagnostic(
        "PEERING_LIMIT_EXCEEDED",
        vpc.ref,
        `VPC "${vpc.id}" has ${peerings.length} peerings (${ids.join(", ")}); ${vpc.cloud} allows ${limit} per VPC.`,
        `Remove ${peerings.length - limit} peering(s), or ask the cloud for a higher quota and keep the extra ones out of this VPC until granted.`,
        { related: peerings.map((p) => p.ref) },
      ),
    );
  });
  return out;
};
