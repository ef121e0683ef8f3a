/**
 * Who may see and act on what. The caller's account comes from its credentials (a session); other accounts'
 * VPCs are invisible, a peering is visible to both its sides, and some actions belong to one side only.
 */
import type { SessionContext } from "./engine.js";
import { peeringRow } from "./queries.js";
import { fail, notFound } from "./refusals.js";
import type { PeeringRow, VpcRow } from "./rows.js";

export function isOwnVpc(ctx: SessionContext, id: string): boolean {
  return (
    ctx.engine.statement("SELECT 1 FROM vpcs WHERE id = ? AND account = ?").get(id, ctx.account) !== undefined
  );
}

/** A VPC of the caller's account; other accounts' VPCs are invisible, as on the clouds. */
export function ownVpc(ctx: SessionContext, id: string): VpcRow {
  const row = ctx.engine.statement("SELECT * FROM vpcs WHERE id = ? AND account = ?").get(id, ctx.account) as
    | VpcRow
    | undefined;
  if (!row) notFound(ctx.account, "VPC", id);
  return row;
}

/** A peering the caller may act on: it exists, and the caller is a side (else the cloud's permission error). */
export function sidePeering(ctx: SessionContext, id: string): PeeringRow {
  const row = peeringRow(ctx, id);
  if (row.account !== ctx.account && row.peer_account !== ctx.account) {
    fail("PERMISSION_DENIED", `Account "${ctx.account}" is not a side of peering "${id}".`, {
      resource: `peering ${id}`,
      value: ctx.account,
      fix: `Use the credentials of account "${row.account}" (requester) or "${row.peer_account}" (accepter).`,
      cloud: row.cloud,
    });
  }
  return row;
}
