/**
 * Peerings: create (idempotent with a client token), describe, list, and the state changes of
 * peering-state-machine.ts (accept, reject, modify, enable, delete), each refused with the cloud's state-change
 * error when the table forbids it.
 */

import { type Cloud, checkPeeringCandidate, type PeeringOperation } from "../../core/index.js";
import {
  type CreatePeeringInput,
  initialStatus,
  type ModifyPeeringInput,
  type Page,
  type PageResult,
  type PeeringFilter,
  type PeeringInfo,
  type PeeringStatus,
} from "../backend.js";
import type { BackendError } from "../errors.js";
import { ownVpc, sidePeering } from "./authorization.js";
import { checkClientToken, earlierPeering, fingerprint, recordClientToken } from "./client-tokens.js";
import { keepsDeletedRecord, mayDo, pendingTtlMs, whoMay } from "./cloud-semantics.js";
import type { SessionContext } from "./engine.js";
import { newId } from "./ids.js";
import { type PeeringAction, transition } from "./peering-state-machine.js";
import { documentOf, livePeeringsOf, peeringRow } from "./queries.js";
import { fail, STATE_FIX } from "./refusals.js";
import { type BandwidthLimitRow, type PeeringRow, peeringInfo, type VpcRow } from "./rows.js";
import { peeringSpecOf, refusalOf } from "./rules.js";

function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** The next state for `action`, or the cloud's state-change error naming the state and what to do. */
function nextStatus(row: PeeringRow, action: PeeringAction): PeeringStatus {
  const next = transition(action, row.status);
  if (next === undefined) {
    fail("INVALID_STATE_TRANSITION", `Cannot ${action} peering "${row.id}": it is ${row.status}.`, {
      resource: `peering ${row.id}`,
      value: row.status,
      fix: STATE_FIX[row.status] ?? "Check the peering's state first.",
      cloud: row.cloud,
    });
  }
  return next;
}

/**
 * The core's one decision for a new or changed peering (checkPeeringCandidate: self-peering, duplicate pair, CIDR
 * overlap, region, cross-region peer conflicts, the per-VPC limit, name, bandwidth, charge type), on the two VPCs'
 * neighbourhood, refused with the cloud's own code and every problem found.
 */
function checkPeering(
  ctx: SessionContext,
  candidate: Parameters<typeof peeringSpecOf>[0],
  vpcIds: readonly string[],
  cloud: Cloud,
  replacing?: string,
): BackendError | undefined {
  const existing = livePeeringsOf(ctx, vpcIds).filter((p) => p.id !== replacing);
  const document = documentOf(ctx, existing, vpcIds);
  const limits =
    replacing === undefined
      ? []
      : (
          ctx.engine
            .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ?")
            .all(replacing) as BandwidthLimitRow[]
        ).map((l) => ({ peering: replacing, vpc: l.vpc_id, ip: l.ip, limitMbps: l.limit_mbps }));
  const problems = checkPeeringCandidate(
    { vpcs: document.vpcs, peerings: document.peerings, bandwidthPolicies: limits },
    peeringSpecOf(candidate),
  );
  return refusalOf(problems, cloud, (d) =>
    d.code === "INVALID_NAME" && candidate.name === "" ? "InvalidParameterValue.Empty" : undefined,
  );
}

/** The peering `id` if `account` may do `operation` on it by the rulebook of its cloud; else PERMISSION_DENIED. */
function actingPeering(ctx: SessionContext, id: string, operation: PeeringOperation): PeeringRow {
  const row = sidePeering(ctx, id);
  if (!mayDo(row, ctx.account, operation)) {
    fail(
      "PERMISSION_DENIED",
      `Account "${ctx.account}" may not ${operation} peering "${id}" on ${row.cloud}.`,
      {
        resource: `peering ${id}`,
        value: ctx.account,
        fix: `Only ${whoMay(row, operation)} may ${operation} it (${row.cloud} rule, see the README's rulebook); use that account's credentials.`,
        cloud: row.cloud,
      },
    );
  }
  return row;
}

export function createPeering(ctx: SessionContext, input: CreatePeeringInput): PeeringInfo {
  const token = input.clientToken;
  checkClientToken(token);
  const print = fingerprint(ctx.account, input);
  return ctx.engine.write((now) => {
    if (token !== undefined) {
      const earlier = earlierPeering(ctx, token, print, input.name);
      if (earlier !== undefined) return peeringInfo(peeringRow(ctx, earlier), now);
    }
    const vpc = ownVpc(ctx, input.vpcId);
    const peerAccount = input.peerAccount ?? ctx.account;
    const peerVpc = ctx.engine
      .statement("SELECT * FROM vpcs WHERE id = ? AND account = ?")
      .get(input.peerVpcId, peerAccount) as VpcRow | undefined;
    if (!peerVpc) {
      fail("NOT_FOUND", `Peer VPC "${input.peerVpcId}" does not exist in account "${peerAccount}".`, {
        resource: `peering ${input.name}`,
        value: input.peerVpcId,
        fix:
          peerAccount === ctx.account
            ? "Check peerVpcId; for a VPC of another account, also set peerAccount to that account's id."
            : "Check peerVpcId and peerAccount (the peer VPC's owner).",
        cloud: vpc.cloud,
      });
    }
    if (input.peerRegion !== undefined && input.peerRegion !== peerVpc.region) {
      fail(
        "INVALID_PARAMETER",
        `peerRegion "${input.peerRegion}" does not match peer VPC "${peerVpc.id}", which is in "${peerVpc.region}".`,
        {
          resource: `peering ${input.name}`,
          value: input.peerRegion,
          fix: `Set peerRegion to "${peerVpc.region}" or omit it.`,
          cloud: vpc.cloud,
        },
      );
    }
    const id = newId(vpc.cloud, "pcx");
    const candidate = {
      id,
      name: input.name,
      vpc_id: vpc.id,
      peer_vpc_id: peerVpc.id,
      bandwidth_mbps: input.bandwidthMbps ?? null,
      charge_type: input.chargeType ?? null,
      service_level: input.serviceLevel ?? null,
    };
    const refused = checkPeering(ctx, candidate, [vpc.id, peerVpc.id], vpc.cloud);
    if (refused) throw refused;

    const settled = initialStatus(ctx.account, peerAccount);
    const transient = ctx.engine.options.transientPhaseMs ?? 0;
    const [lo, hi] = pairOf(vpc.id, peerVpc.id);
    try {
      ctx.engine
        .statement(
          `INSERT INTO peerings (id, cloud, name, description, vpc_id, region, account, peer_vpc_id, peer_region,
             peer_account, pair_lo, pair_hi, status, settle_status, settle_at, bandwidth_mbps, charge_type,
             service_level, dns_sync, tags, created_at, updated_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
        )
        .run(
          id,
          vpc.cloud,
          input.name,
          input.description ?? "",
          vpc.id,
          vpc.region,
          ctx.account,
          peerVpc.id,
          peerVpc.region,
          peerAccount,
          lo,
          hi,
          transient > 0 ? "CREATING" : settled,
          transient > 0 ? settled : null,
          transient > 0 ? now + transient : null,
          candidate.bandwidth_mbps,
          candidate.charge_type,
          candidate.service_level,
          JSON.stringify(input.tags ?? {}),
          now,
          now,
          settled === "PENDING" ? expiryFrom(vpc.cloud, now) : null,
        );
    } catch (error) {
      // The partial unique index is the last line of defence for the one-peering-per-pair rule.
      if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
        fail("DUPLICATE_PEERING", `VPCs "${vpc.id}" and "${peerVpc.id}" already have a live peering.`, {
          resource: `peering ${input.name}`,
          fix: "Adopt the live peering of this pair (existingId on the Peering resource) or delete it first; a create with another client token, or none, never takes it over.",
          cloud: vpc.cloud,
        });
      }
      throw error;
    }
    if (token !== undefined) recordClientToken(ctx, token, print, id, now);
    return peeringInfo(peeringRow(ctx, id), now);
  });
}

export function describePeering(ctx: SessionContext, id: string): PeeringInfo {
  return ctx.engine.read((now) => peeringInfo(sidePeering(ctx, id), now));
}

export function listPeerings(
  ctx: SessionContext,
  filter: PeeringFilter = {},
  page: Page = {},
): PageResult<PeeringInfo> {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
    fail("INVALID_PARAMETER", `Paging offset ${offset} / limit ${limit} is out of range.`, {
      resource: "listPeerings",
      fix: "Use an offset >= 0 and a limit between 1 and 1000.",
      tencentCode: "InvalidParameterValue.Range",
    });
  }
  return ctx.engine.read((now) => {
    // Filters, count and page are the engine's query, so a page costs one indexed read of its own rows, not a read
    // of every peering of the account (which grows with each DELETED record a Tencent account keeps).
    // With ids (or a VPC) to look up, those drive the query: `+` keeps SQLite off the account indexes, which would
    // read every row of the account, DELETED records included, to find one peering.
    const narrowed = filter.ids !== undefined || filter.vpcId !== undefined;
    const where: string[] = [
      narrowed ? "(+p.account = ? OR +p.peer_account = ?)" : "(p.account = ? OR p.peer_account = ?)",
    ];
    const args: unknown[] = [ctx.account, ctx.account];
    const and = (condition: string, ...values: unknown[]): void => {
      where.push(condition);
      args.push(...values);
    };
    if (filter.cloud !== undefined) and("p.cloud = ?", filter.cloud);
    if (filter.vpcId !== undefined) and("(p.vpc_id = ? OR p.peer_vpc_id = ?)", filter.vpcId, filter.vpcId);
    if (filter.name !== undefined) and("p.name = ?", filter.name);
    if (filter.ids !== undefined) and("p.id IN (SELECT value FROM json_each(?))", JSON.stringify(filter.ids));
    // The status a reader sees (effectiveStatus in peering-state-machine.ts, the same two steps): a settled
    // transient phase, then a PENDING request past its expiry.
    const judged = `WITH settled AS (
        SELECT p.*, p.rowid AS row_order,
          CASE WHEN p.settle_at IS NOT NULL AND p.settle_status IS NOT NULL AND ? >= p.settle_at
            THEN p.settle_status ELSE p.status END AS settled_status
        FROM peerings p WHERE ${where.join(" AND ")}
      ), judged AS (
        SELECT *, CASE WHEN settled_status = 'PENDING' AND expires_at IS NOT NULL AND ? >= expires_at
            THEN 'EXPIRED' ELSE settled_status END AS seen_status
        FROM settled
      )`;
    const judgedArgs = [now, ...args, now];
    const byStatus =
      filter.status === undefined ? "" : "WHERE seen_status IN (SELECT value FROM json_each(?))";
    const statusArgs = filter.status === undefined ? [] : [JSON.stringify(filter.status)];
    // With the caller's own create token of each peering, so a rerun of a killed create knows its request
    // (PeeringInfo.createToken). The LIMIT is written into the statement (an integer from 1 to 1000, checked
    // above), not bound: SQLite sorts for a bound LIMIT the slow way, and a describe by id took ~80 µs against
    // ~15 µs now (better-sqlite3 12, this query; BENCHMARKS.md, emulator findings). The OFFSET stays a parameter.
    const rows = ctx.engine
      .statement(
        `${judged} SELECT j.*, t.token AS create_token FROM judged j
         LEFT JOIN client_tokens t ON t.peering_id = j.id AND t.account = ?
         ${byStatus.replace("seen_status", "j.seen_status")} ORDER BY j.created_at, j.row_order LIMIT ${limit} OFFSET ?`,
      )
      .all(...judgedArgs, ctx.account, ...statusArgs, offset) as (PeeringRow & {
      create_token: string | null;
    })[];
    const items = rows.map((r) => {
      const info = peeringInfo(r, now);
      return r.create_token === null ? info : { ...info, createToken: r.create_token };
    });
    // A first page that is not full is the whole list: its length is the total, and the count query (a second
    // pass of the same filters) is skipped, as it is for every describe by ids.
    if (offset === 0 && rows.length < limit) return { items, total: rows.length };
    const { total } = ctx.engine
      .statement(`${judged} SELECT COUNT(*) AS total FROM judged ${byStatus}`)
      .get(...judgedArgs, ...statusArgs) as { total: number };
    return { items, total };
  });
}

export function acceptPeering(ctx: SessionContext, id: string): PeeringInfo {
  return ctx.engine.write((now) => {
    const row = actingPeering(ctx, id, "accept");
    nextStatus(row, "accept");
    const transient = ctx.engine.options.transientPhaseMs ?? 0;
    ctx.engine
      .statement(
        "UPDATE peerings SET status = ?, settle_status = ?, settle_at = ?, expires_at = NULL, updated_at = ? WHERE id = ?",
      )
      .run(
        transient > 0 ? "ACCEPTING" : "ACTIVE",
        transient > 0 ? "ACTIVE" : null,
        transient > 0 ? now + transient : null,
        now,
        id,
      );
    return peeringInfo(peeringRow(ctx, id), now);
  });
}

export function rejectPeering(ctx: SessionContext, id: string): PeeringInfo {
  return ctx.engine.write((now) => {
    const row = actingPeering(ctx, id, "reject");
    const next = nextStatus(row, "reject");
    ctx.engine
      .statement("UPDATE peerings SET status = ?, expires_at = NULL, updated_at = ? WHERE id = ?")
      .run(next, now, id);
    return peeringInfo(peeringRow(ctx, id), now);
  });
}

export function modifyPeering(ctx: SessionContext, id: string, changes: ModifyPeeringInput): PeeringInfo {
  return ctx.engine.write((now) => {
    const row = sidePeering(ctx, id);
    if (changes.bandwidthMbps !== undefined && changes.bandwidthMbps !== row.bandwidth_mbps)
      actingPeering(ctx, id, "resize");
    const renames =
      (changes.name !== undefined && changes.name !== row.name) ||
      (changes.description !== undefined && changes.description !== row.description);
    if (renames) actingPeering(ctx, id, "rename");
    nextStatus(row, "modify");
    const updated = {
      ...row,
      name: changes.name ?? row.name,
      bandwidth_mbps: changes.bandwidthMbps ?? row.bandwidth_mbps,
      charge_type: changes.chargeType ?? row.charge_type,
    };
    const refused = checkPeering(ctx, updated, [row.vpc_id, row.peer_vpc_id], row.cloud, id);
    if (refused) throw refused;
    ctx.engine
      .statement(
        "UPDATE peerings SET name = ?, description = ?, bandwidth_mbps = ?, charge_type = ?, tags = ?, updated_at = ? WHERE id = ?",
      )
      .run(
        updated.name,
        changes.description ?? row.description,
        updated.bandwidth_mbps,
        updated.charge_type,
        changes.tags === undefined ? row.tags : JSON.stringify(changes.tags),
        now,
        id,
      );
    return peeringInfo(peeringRow(ctx, id), now);
  });
}

export function enablePeering(ctx: SessionContext, id: string): PeeringInfo {
  return ctx.engine.write((now) => {
    const row = actingPeering(ctx, id, "enable");
    const next = nextStatus(row, "enable");
    ctx.engine
      .statement("UPDATE peerings SET status = ?, expires_at = ?, updated_at = ? WHERE id = ?")
      .run(next, expiryFrom(row.cloud, now), now, id);
    return peeringInfo(peeringRow(ctx, id), now);
  });
}

export function deletePeering(ctx: SessionContext, id: string): void {
  ctx.engine.write((now) => {
    const row = actingPeering(ctx, id, "delete");
    nextStatus(row, "delete");
    // seed 000: deleting a peering removes the routes through it, on both sides.
    ctx.engine.statement("DELETE FROM routes WHERE peering_id = ?").run(id);
    ctx.engine.statement("DELETE FROM bandwidth_limits WHERE peering_id = ?").run(id);
    if (!keepsDeletedRecord(row.cloud)) {
      // The rulebook's onDelete.record: this cloud removes a deleted peering at once (Huawei), so it is gone from
      // describe and list; the client tokens that named it go with it.
      ctx.engine.statement("DELETE FROM client_tokens WHERE peering_id = ?").run(id);
      ctx.engine.statement("DELETE FROM peerings WHERE id = ?").run(id);
      return;
    }
    ctx.engine
      .statement(
        "UPDATE peerings SET status = 'DELETED', settle_status = NULL, settle_at = NULL, expires_at = NULL, updated_at = ? WHERE id = ?",
      )
      .run(now, id);
  });
}

/** When a request of `cloud` made at `now` expires (the rulebook's pendingExpiryDays), or null: no documented expiry. */
function expiryFrom(cloud: Cloud, now: number): number | null {
  const ttl = pendingTtlMs(cloud);
  return ttl === undefined ? null : now + ttl;
}
