/**
 * What a change does to the bill: both documents' planned estimates (estimateCost, Tencent mainland prices, seed
 * 000) side by side, the totals and their difference, and each peering whose figures or pricing differ. A
 * peering that is unpriced on either side is said so and left out of the difference, as it is of the totals. Pure.
 */
import type { CostEstimate, PeeringCost } from "../cost/estimate.js";
import { roundMoney } from "../cost/money.js";

export interface PeeringCostChange {
  readonly peering: string;
  /** The base's figures; absent when the base has no such peering. */
  readonly from?: PeeringCost;
  /** The head's figures; absent when the head removes the peering. */
  readonly to?: PeeringCost;
  /** head minus base, CNY, when both sides that exist are priced (a missing side counts as 0). */
  readonly deltaPerDay?: number;
  readonly deltaPerMonth?: number;
}

export interface CostChange {
  readonly currency: CostEstimate["currency"];
  readonly base: { readonly perDay: number; readonly perMonth: number; readonly unpriced: readonly string[] };
  readonly head: { readonly perDay: number; readonly perMonth: number; readonly unpriced: readonly string[] };
  /** head total minus base total, CNY, rounded to 0.01 (unpriced peerings are in neither total). */
  readonly deltaPerDay: number;
  readonly deltaPerMonth: number;
  readonly peerings: readonly PeeringCostChange[];
}

const same = (a: PeeringCost, b: PeeringCost) =>
  a.priced === b.priced &&
  a.perDay === b.perDay &&
  a.perMonth === b.perMonth &&
  a.billedMbps === b.billedMbps &&
  a.model === b.model;

function delta(from: PeeringCost | undefined, to: PeeringCost | undefined) {
  if ((from && !from.priced) || (to && !to.priced)) return {};
  return {
    deltaPerDay: roundMoney((to?.perDay ?? 0) - (from?.perDay ?? 0)),
    deltaPerMonth: roundMoney((to?.perMonth ?? 0) - (from?.perMonth ?? 0)),
  };
}

export function costChange(base: CostEstimate, head: CostEstimate): CostChange {
  const before = new Map(base.peerings.map((p) => [p.peering, p]));
  const after = new Map(head.peerings.map((p) => [p.peering, p]));
  const peerings: PeeringCostChange[] = [];
  for (const to of head.peerings) {
    const from = before.get(to.peering);
    if (from && same(from, to)) continue;
    peerings.push({ peering: to.peering, ...(from ? { from } : {}), to, ...delta(from, to) });
  }
  for (const from of base.peerings)
    if (!after.has(from.peering)) peerings.push({ peering: from.peering, from, ...delta(from, undefined) });
  return {
    currency: head.currency,
    base: { perDay: base.totalPerDay, perMonth: base.totalPerMonth, unpriced: base.unpriced },
    head: { perDay: head.totalPerDay, perMonth: head.totalPerMonth, unpriced: head.unpriced },
    deltaPerDay: roundMoney(head.totalPerDay - base.totalPerDay),
    deltaPerMonth: roundMoney(head.totalPerMonth - base.totalPerMonth),
    peerings,
  };
}
