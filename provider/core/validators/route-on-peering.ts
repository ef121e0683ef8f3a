import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { NOT_ON_PEERING, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

/** A route's next hop must be a peering of the route's own VPC (Tencent CreateRoutes refuses any other). */
export const checkRouteOnPeering: Rule = (topology) => {
  const index = topologyIndex(topology);
  const out: Diagnostic[] = [];
  for (let r = 0; r < index.routeCount; r++) {
    if (index.routePeer[r] !== NOT_ON_PEERING) continue;
    const route = index.route(r);
    out.push(
      diagnostic(
        "ROUTE_NOT_ON_PEERING",
        route.ref,
        `Route in VPC "${route.vpc.id}" points at peering "${route.peering.id}", which joins "${route.peering.vpc.id}" and "${route.peering.peerVpc.id}", not "${route.vpc.id}".`,
        `Point the route at a peering of "${route.vpc.id}", or move it to "${route.peering.vpc.id}" or "${route.peering.peerVpc.id}".`,
        { field: ["peering"], related: [route.peering.ref] },
      ),
    );
  }
  return out;
};
