/** Per-IP bandwidth limits on an ACTIVE peering, checked by the core's bandwidth-policy rules. */
import { isResource } from "../../core/index.js";
import type { BandwidthLimitInfo, SetBandwidthLimitInput } from "../backend.js";
import { sidePeering } from "./authorization.js";
import type { SessionContext } from "./engine.js";
import { documentOf } from "./queries.js";
import { fail, notFound, STATE_FIX } from "./refusals.js";
import { type BandwidthLimitRow, bandwidthLimitInfo, peeringStatus } from "./rows.js";
import { refusal } from "./rules.js";

export function setBandwidthLimit(
  ctx: SessionContext,
  peeringId: string,
  input: SetBandwidthLimitInput,
): BandwidthLimitInfo {
  return ctx.engine.write((now) => {
    const peering = sidePeering(ctx, peeringId);
    const status = peeringStatus(peering, now);
    if (status !== "ACTIVE") {
      fail(
        "PEERING_NOT_ACTIVE",
        `Peering "${peeringId}" is ${status}; per-IP limits need an ACTIVE peering.`,
        {
          resource: `peering ${peeringId}`,
          fix: STATE_FIX[status] ?? "Wait until the peering is ACTIVE.",
        },
      );
    }
    // A limit that is not a positive whole number of Mbps is the core rule's BANDWIDTH_POLICY_INVALID (isLimitMbps),
    // refused below with the other policy rules; NaN never reaches SQLite.
    const vpcId = input.vpcId ?? peering.vpc_id;
    // Fix: the named VPC joins the document, so that a VPC which is not a side gets the core rule's "not a side
    // of peering" refusal instead of UNKNOWN_REFERENCE "names no VPC in the document".
    const document = documentOf(ctx, [peering], [peering.vpc_id, peering.peer_vpc_id, vpcId]);
    const others = (
      ctx.engine
        .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ?")
        .all(peeringId) as BandwidthLimitRow[]
    ).filter((l) => l.ip !== input.ip);
    for (const limit of others) {
      document.bandwidthPolicies.push({
        peering: peeringId,
        vpc: limit.vpc_id,
        ip: limit.ip,
        limitMbps: limit.limit_mbps,
      });
    }
    const index = document.bandwidthPolicies.length;
    document.bandwidthPolicies.push({
      peering: peeringId,
      vpc: vpcId,
      ip: input.ip,
      limitMbps: input.limitMbps,
    });
    const refused = refusal(document, (d) => isResource(d.ref, "bandwidthPolicies", index), peering.cloud);
    if (refused) throw refused;
    ctx.engine
      .statement(
        `INSERT INTO bandwidth_limits (peering_id, vpc_id, ip, limit_mbps) VALUES (?, ?, ?, ?)
         ON CONFLICT (peering_id, ip) DO UPDATE SET vpc_id = excluded.vpc_id, limit_mbps = excluded.limit_mbps`,
      )
      .run(peeringId, vpcId, input.ip, input.limitMbps);
    return { peeringId, vpcId, ip: input.ip, limitMbps: input.limitMbps };
  });
}

export function listBandwidthLimits(ctx: SessionContext, peeringId: string): readonly BandwidthLimitInfo[] {
  return ctx.engine.read(() => {
    sidePeering(ctx, peeringId);
    const rows = ctx.engine
      .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ? ORDER BY ip")
      .all(peeringId) as BandwidthLimitRow[];
    return rows.map(bandwidthLimitInfo);
  });
}

export function removeBandwidthLimit(ctx: SessionContext, peeringId: string, ip: string): void {
  ctx.engine.write(() => {
    sidePeering(ctx, peeringId);
    const removed = ctx.engine
      .statement("DELETE FROM bandwidth_limits WHERE peering_id = ? AND ip = ?")
      .run(peeringId, ip);
    if (removed.changes === 0) notFound(ctx.account, "bandwidth limit", `${peeringId}/${ip}`);
  });
}
