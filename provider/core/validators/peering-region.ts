import { CLOUD_RULES } from "../cloud-rules.js";
import { diagnostic } from "../diagnostics.js";
import { fieldRef } from "../resource-ref.js";
import { RULEBOOK } from "../rulebook/index.js";
import { isOpen } from "../rulebook/types.js";
import type { Rule } from "./rule.js";

/**
 * A peering across two regions on a cloud whose peerings are regional (the rulebook's `regions`: Huawei's VPC user
 * guide). Cross-cloud pairs are CROSS_CLOUD_PEERING's concern, not this rule's.
 */
export const checkPeeringRegion: Rule = (topology) =>
  topology.peerings
    .filter((p) => p.vpc.cloud === p.peerVpc.cloud && p.crossRegion && !CLOUD_RULES[p.vpc.cloud].crossRegion)
    .map((p) => {
      const entry = RULEBOOK[p.vpc.cloud].regions;
      const source = isOpen(entry) ? "" : ` (${entry.sources[0]?.title ?? "rulebook"})`;
      return diagnostic(
        "CROSS_REGION_UNSUPPORTED",
        p.ref,
        `Peering "${p.id}" joins VPC "${p.vpc.id}" in ${p.vpc.region} and VPC "${p.peerVpc.id}" in ${p.peerVpc.region}, but ${p.vpc.cloud} peerings connect VPCs of one region only${source}.`,
        `Peer VPCs of the same region; connect ${p.vpc.region} and ${p.peerVpc.region} with the cloud's cross-region service (Huawei: Cloud Connect) instead.`,
        { field: ["peerVpc"], related: [fieldRef(p.vpc.ref, "region"), fieldRef(p.peerVpc.ref, "region")] },
      );
    });
