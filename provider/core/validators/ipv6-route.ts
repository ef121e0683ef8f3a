import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { ipv6PeeringRoutes } from "../rulebook/index.js";
import { topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

/**
 * An IPv6 destination through a peering, on a cloud whose documentation names none. The rulebook's
 * `ipv6PeeringRoutes` says where it is documented (Huawei's CreateVpcRoute: "支持IPv4和IPv6"); on Tencent and Baidu
 * no peering page names an IPv6 destination for a peering route, so the route is refused here, before any layer
 * sends it, instead of leaving the cloud to refuse it or to accept a route that carries nothing. One rule for every
 * layer: validate, the DR components and constructs (their plans are validated), and the local engine.
 */
export const checkIpv6PeeringRoute: Rule = (topology) => {
  const index = topologyIndex(topology);
  const { vpcs } = topology;
  const out: Diagnostic[] = [];
  for (let r = 0; r < index.routeCount; r++) {
    if (index.routeDestination[r]!.family !== 6) continue;
    const vpc = vpcs[index.routeVpc[r]!]!;
    if (ipv6PeeringRoutes(vpc.cloud)) continue;
    const route = index.route(r);
    out.push(
      diagnostic(
        "IPV6_PEERING_UNSUPPORTED",
        route.ref,
        `Route in VPC "${vpc.id}" through peering "${route.peering.id}" has the IPv6 destination ${route.destination.text}, but ${vpc.cloud}'s documentation names no IPv6 destination for a peering route (rulebook: ipv6PeeringRoutes).`,
        `Route IPv4 blocks only through peerings on ${vpc.cloud}: remove this route, or give the site a routing policy (routing.routes) that lists IPv4 blocks.`,
        { field: ["destination"] },
      ),
    );
  }
  return out;
};
