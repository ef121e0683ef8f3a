import { diagnostic } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/** A route's next hop must be a peering of the route's own VPC (Tencent CreateRoutes refuses any other). */
export const checkRouteOnPeering: Rule = (topology) =>
  topology.routes
    .filter((r) => r.peerVpc === undefined)
    .map((r) =>
      diagnostic(
        "ROUTE_NOT_ON_PEERING",
        r.ref,
        `Route in VPC "${r.vpc.id}" points at peering "${r.peering.id}", which joins "${r.peering.vpc.id}" and "${r.peering.peerVpc.id}", not "${r.vpc.id}".`,
        `Point the route at a peering of "${r.vpc.id}", or move it to "${r.peering.vpc.id}" or "${r.peering.peerVpc.id}".`,
      ),
    );
