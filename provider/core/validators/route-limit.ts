import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { routesPerRouteTable } from "../rulebook/index.js";
import type { Route } from "../topology.js";
import { groupSize, topologyIndex } from "../topology-index.js";
import type { Rule } from "./rule.js";

function overLimit(route: Route, count: number, limit: number): Diagnostic {
  const table = `Route table "${route.routeTable}" of VPC "${route.vpc.id}"`;
  return diagnostic(
    "ROUTE_LIMIT_EXCEEDED",
    route.ref,
    `${table} holds ${count} routes; ${route.vpc.cloud} allows ${limit} per route table, so the route to ${route.destination.text} does not fit.`,
    `Split the routes across route tables or aggregate destinations (one shorter prefix for several peer blocks), to at most ${limit} in "${route.routeTable}"; or ask the cloud for a higher quota first.`,
  );
}

/**
 * The per-route-table quota of the rulebook (Huawei: "Each route table can contain a maximum of 200 routes by
 * default", VPC FAQ vpc_faq_0063; Baidu: 50 route entries per VPC, which has one table). Every route past the
 * limit, in document order, is refused: the cloud takes the first `limit` and refuses each one after, which is
 * what the local engine sees when it adds them one by one. A cloud whose quota no source documents is not limited.
 */
export const checkRouteLimit: Rule = (topology) => {
  // Read from the index, not `topology.routes`: that list is built on first use, and at scale only to be counted.
  const index = topologyIndex(topology);
  const { start, items } = index.routesOfVpc;
  const out: Diagnostic[] = [];
  topology.vpcs.forEach((vpc, v) => {
    const limit = routesPerRouteTable(vpc.cloud);
    if (limit === undefined || groupSize(index.routesOfVpc, v) <= limit) return;
    // The VPC's route rows by table, each in document order.
    const byTable = new Map<number, number[]>();
    for (let i = start[v]!; i < start[v + 1]!; i++) {
      const r = items[i]!;
      const rows = byTable.get(index.routeTable[r]!);
      if (rows) rows.push(r);
      else byTable.set(index.routeTable[r]!, [r]);
    }
    for (const rows of byTable.values())
      for (const r of rows.slice(limit)) out.push(overLimit(index.route(r), rows.length, limit));
  });
  return out;
};
