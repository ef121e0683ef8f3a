import { diagnostic } from "../diagnostics.js";
import { fieldRef } from "../resource-ref.js";
import type { Rule } from "./rule.js";

/** A VPC peering is a feature inside one cloud; no seed offers peering across providers. */
export const checkCrossCloudPeering: Rule = (topology) =>
  topology.peerings
    .filter((p) => p.vpc.cloud !== p.peerVpc.cloud)
    .map((p) =>
      diagnostic(
        "CROSS_CLOUD_PEERING",
        p.ref,
        `Peering "${p.id}" joins VPC "${p.vpc.id}" on ${p.vpc.cloud} and VPC "${p.peerVpc.id}" on ${p.peerVpc.cloud}.`,
        "Peer VPCs of the same cloud; connect clouds with a VPN or a dedicated line instead.",
        { field: ["peerVpc"], related: [fieldRef(p.vpc.ref, "cloud"), fieldRef(p.peerVpc.ref, "cloud")] },
      ),
    );
