/**
 * Reads that several resource kinds share: row lookups by id (not found when absent, whoever owns them; who may
 * see a row is authorization.ts's business), and the neighbourhood document the core rules run on.
 */
import type { TopologyDocument } from "../../core/index.js";
import type { VpcInfo } from "../backend.js";
import type { SessionContext } from "./engine.js";
import { isLive } from "./peering-state-machine.js";
import { notFound } from "./refusals.js";
import { type PeeringRow, type RouteTableRow, type VpcRow, vpcInfo } from "./rows.js";
import { emptyDocument, peeringSpecOf, vpcSpecOf } from "./rules.js";

export function tablesOf(ctx: SessionContext, vpcId: string): RouteTableRow[] {
  return ctx.engine
    .statement("SELECT * FROM route_tables WHERE vpc_id = ? ORDER BY main DESC, name")
    .all(vpcId) as RouteTableRow[];
}

export function routeTableRow(ctx: SessionContext, id: string): RouteTableRow {
  const row = ctx.engine.statement("SELECT * FROM route_tables WHERE id = ?").get(id) as
    | RouteTableRow
    | undefined;
  if (!row) notFound(ctx.account, "route table", id);
  return row;
}

export function vpcInfoOf(ctx: SessionContext, row: VpcRow): VpcInfo {
  return vpcInfo(row, tablesOf(ctx, row.id));
}

export function peeringRow(ctx: SessionContext, id: string): PeeringRow {
  const row = ctx.engine.statement("SELECT * FROM peerings WHERE id = ?").get(id) as PeeringRow | undefined;
  if (!row) notFound(ctx.account, "peering", id);
  return row;
}

export function livePeeringsOf(ctx: SessionContext, vpcIds: readonly string[]): PeeringRow[] {
  const seen = new Map<string, PeeringRow>();
  // The live states filtered in SQL: a Tencent VPC keeps every DELETED record, and reading them back only to drop
  // them made each create cost as much as the VPC's whole history. Two halves, so that each is read through its
  // partial index of live peerings (migration 4); an OR of the two columns took the full vpc indexes.
  const live = "status NOT IN ('DELETED', 'REJECTED')";
  const statement = ctx.engine.statement(
    `SELECT * FROM peerings WHERE vpc_id = ? AND ${live} UNION ALL SELECT * FROM peerings WHERE peer_vpc_id = ? AND ${live}`,
  );
  for (const vpcId of vpcIds) {
    for (const row of statement.all(vpcId, vpcId) as PeeringRow[])
      if (isLive(row.status)) seen.set(row.id, row);
  }
  return [...seen.values()].sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
}

/** A topology document of the given peerings, their VPCs, and `extraVpcs`. */
export function documentOf(
  ctx: SessionContext,
  peerings: readonly PeeringRow[],
  extraVpcs: readonly string[],
): TopologyDocument {
  const document = emptyDocument();
  const vpcIds = new Set(extraVpcs);
  for (const p of peerings) vpcIds.add(p.vpc_id).add(p.peer_vpc_id);
  const statement = ctx.engine.statement("SELECT * FROM vpcs WHERE id = ?");
  // The IPv6 blocks the engine assigned the VPC's subnets are the VPC's assigned IPv6 blocks (subnets.ts).
  const ipv6 = ctx.engine.statement(
    "SELECT ipv6_cidr FROM subnets WHERE vpc_id = ? AND ipv6_cidr IS NOT NULL ORDER BY created_at, rowid",
  );
  for (const id of vpcIds) {
    const row = statement.get(id) as VpcRow | undefined;
    if (!row) continue;
    const assigned = (ipv6.all(id) as { ipv6_cidr: string }[]).map((r) => r.ipv6_cidr);
    document.vpcs.push(vpcSpecOf(row, tablesOf(ctx, id), assigned));
  }
  for (const p of peerings) document.peerings.push(peeringSpecOf(p));
  return document;
}
