import { diagnostic } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/** seed 001 "The initiator's VPC and the acceptor's VPC must not be the same"; Tencent refuses it likewise. */
export const checkSelfPeering: Rule = (topology) =>
  topology.peerings
    .filter((p) => p.vpc === p.peerVpc)
    .map((p) =>
      diagnostic(
        "SELF_PEERING",
        p.ref,
        `Peering "${p.id}" connects VPC "${p.vpc.id}" to itself.`,
        "Set peerVpc to a different VPC; resources inside one VPC already reach each other.",
        { field: ["peerVpc"] },
      ),
    );
