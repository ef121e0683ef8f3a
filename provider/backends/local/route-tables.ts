/** Route tables: every VPC has a main one (made with the VPC, vpcs.ts); these are the extra ones. */
import type { RouteTableInfo } from "../backend.js";
import { isOwnVpc, ownVpc } from "./authorization.js";
import type { SessionContext } from "./engine.js";
import { newId } from "./ids.js";
import { routeTableRow, tablesOf } from "./queries.js";
import { fail, notFound } from "./refusals.js";
import { routeTableInfo } from "./rows.js";

export function createRouteTable(ctx: SessionContext, vpcId: string, name: string): RouteTableInfo {
  return ctx.engine.write(() => {
    const vpc = ownVpc(ctx, vpcId);
    const exists = ctx.engine
      .statement("SELECT 1 FROM route_tables WHERE vpc_id = ? AND name = ?")
      .get(vpcId, name);
    // Fix: an empty name used to be reported as "already has a route table named """.
    if (!name) {
      fail("INVALID_PARAMETER", `A route table of VPC "${vpcId}" needs a name.`, {
        resource: `vpc ${vpcId}`,
        fix: "Give the route table a non-empty name.",
        tencentCode: "MissingParameter",
      });
    }
    if (exists) {
      fail("INVALID_PARAMETER", `VPC "${vpcId}" already has a route table named "${name}".`, {
        resource: `vpc ${vpcId}`,
        value: name,
        fix: "Choose another name, or use the existing table.",
        tencentCode: "InvalidParameterValue.Duplicate",
      });
    }
    const id = newId(vpc.cloud, "rtb");
    ctx.engine
      .statement("INSERT INTO route_tables (id, vpc_id, name, main) VALUES (?, ?, ?, 0)")
      .run(id, vpcId, name);
    return routeTableInfo(routeTableRow(ctx, id));
  });
}

export function listRouteTables(ctx: SessionContext, vpcId: string): readonly RouteTableInfo[] {
  return ctx.engine.read(() => {
    ownVpc(ctx, vpcId);
    return tablesOf(ctx, vpcId).map(routeTableInfo);
  });
}

/** One route table of the caller's VPCs by id; a table of another account's VPC is not found, as an unknown one. */
export function describeRouteTable(ctx: SessionContext, id: string): RouteTableInfo {
  return ctx.engine.read(() => {
    const row = routeTableRow(ctx, id);
    if (!isOwnVpc(ctx, row.vpc_id)) notFound(ctx.account, "route table", id);
    return routeTableInfo(row);
  });
}
