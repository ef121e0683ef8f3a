import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { routesPerRouteTable } from "../rulebook/index.js";
import type { Route, Vpc } from "../topology.js";
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
  const tables = new Map<Vpc, Map<string, Route[]>>();
  for (const route of topology.routes) {
    if (routesPerRouteTable(route.vpc.cloud) === undefined) continue;
    let byTable = tables.get(route.vpc);
    if (!byTable) {
      byTable = new Map();
      tables.set(route.vpc, byTable);
    }
    const list = byTable.get(route.routeTable);
    if (list) list.push(route);
    else byTable.set(route.routeTable, [route]);
  }
  const out: Diagnostic[] = [];
  for (const [vpc, byTable] of tables) {
    const limit = routesPerRouteTable(vpc.cloud)!;
    for (const routes of byTable.values())
      for (const route of routes.slice(limit)) out.push(overLimit(route, routes.length, limit));
  }
  return out;
};
