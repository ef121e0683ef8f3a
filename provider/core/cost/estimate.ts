/**
 * Cost estimate of a topology: one line per peering, from the planned bandwidth cap or from measured samples,
 * with the seed 000 Tencent prices; a peering its cloud documents as free (the rulebook's billing.free: Tencent
 * and Baidu same-region, every Huawei one) costs 0. A price the seeds do not give is never guessed: such a peering is
 * reported unpriced, with the reason, and left out of the totals.
 *
 * Who pays: the requester side (seed 000: 跨地域的对等连接费用由对等连接申请方支付), i.e. the account of the
 * peering's `vpc`.
 */
import { PeerlinkError } from "../errors.js";
import { isOpen, RULEBOOK } from "../rulebook/index.js";
import type { Peering, Topology } from "../topology.js";
import type { Cloud } from "../topology-schema.js";
import { type DailyPeakDay, dailyPeakFromSamples, dailyPeakPrice, dailyPeakTier } from "./daily-peak.js";
import { roundMoney } from "./money.js";
import { type Monthly95Month, monthly95FromSamples, monthly95Price, monthly95Tier } from "./monthly-95.js";
import type { BandwidthSample } from "./samples.js";
import { CURRENCY, type PriceTier, TENCENT_MAINLAND_PRICED_REGIONS } from "./tencent-peering-prices.js";
import { unpricedTierReason } from "./tiers.js";

export type CostModel = "daily-peak" | "monthly-95";
export type CostBasis = "free" | "planned" | "samples";
export type CostUnit = "CNY/Mbps/day" | "CNY/Mbps/month";

/** The unit price of a peering its cloud documents as free (rulebook billing.free). */
const FREE_PRICE = 0;

/**
 * Converting between a day and a month: peerlink's estimates use a 30-day month (perMonth = perDay x 30 for
 * daily-peak, perDay = perMonth / 30 for monthly-95). Real bills follow the calendar; this is a planning figure.
 */
export const DAYS_PER_MONTH = 30;

/** One billing period of a samples-based estimate: a China day (daily-peak) or a natural month (monthly-95). */
export interface CostPeriod {
  /** "YYYY-MM-DD" for daily-peak, "YYYY-MM" for monthly-95. */
  readonly period: string;
  /** The day's peak or the month's Max95. */
  readonly billedMbps: number;
  readonly unitPrice?: number;
  /** CNY, rounded to 0.01; undefined when the tier is unpriced. */
  readonly cost?: number;
  /** Monthly-95 only: days above 1 Kbps and days of the month (the effective-day ratio). */
  readonly effectiveDays?: number;
  readonly daysInMonth?: number;
}

export interface PeeringCost {
  readonly peering: string;
  readonly resource: string;
  readonly vpc: string;
  readonly peerVpc: string;
  readonly cloud: Cloud;
  /** The regions of `vpc` and `peerVpc`. */
  readonly regions: readonly [string, string];
  /** The requester VPC's account, which pays (seed 000). */
  readonly payerAccount: string;
  readonly model: CostModel;
  readonly basis: CostBasis;
  /** False when the seeds give no price for this peering; `reason` says why. */
  readonly priced: boolean;
  readonly reason?: string;
  /** Planned: the bandwidth cap. Samples: the highest daily peak or monthly Max95 seen. */
  readonly billedMbps?: number;
  /** The unit price applied (omitted for samples spanning several tiers; see `periods`). */
  readonly unitPrice?: number;
  readonly unit: CostUnit;
  /** CNY, rounded to 0.01. With samples: the average over the sampled periods. */
  readonly perDay?: number;
  /** CNY, rounded to 0.01; a 30-day month (DAYS_PER_MONTH) where converted from a day. */
  readonly perMonth?: number;
  /** The samples-based breakdown, one entry per China day or natural month. */
  readonly periods?: readonly CostPeriod[];
  /** Assumptions behind the figures, for reports. */
  readonly notes: readonly string[];
}

export interface CostEstimate {
  readonly currency: typeof CURRENCY;
  readonly peerings: readonly PeeringCost[];
  /** Sum over priced peerings, CNY, rounded to 0.01 once after summing. */
  readonly totalPerDay: number;
  readonly totalPerMonth: number;
  /** Ids of the peerings without a price (left out of the totals). */
  readonly unpriced: readonly string[];
  readonly daysPerMonth: typeof DAYS_PER_MONTH;
}

export interface EstimateOptions {
  /** Overrides every peering's model; by default POSTPAID_BY_MONTH_95 is monthly-95, anything else daily-peak. */
  readonly model?: CostModel;
  /** Measured samples; those without a `peering` apply to every cross-region peering. */
  readonly samples?: readonly BandwidthSample[];
}

/** The figures of one peering before rounding; `perDay`/`perMonth` exact. */
interface Pricing {
  readonly basis: CostBasis;
  readonly priced: boolean;
  readonly reason?: string;
  readonly billedMbps?: number;
  readonly unitPrice?: number;
  readonly perDay?: number;
  readonly perMonth?: number;
  readonly periods?: readonly CostPeriod[];
  readonly notes: readonly string[];
}

const UNIT: Readonly<Record<CostModel, CostUnit>> = {
  "daily-peak": "CNY/Mbps/day",
  "monthly-95": "CNY/Mbps/month",
};

function modelOf(peering: Peering, override: CostModel | undefined): CostModel {
  if (override !== undefined) return override;
  return peering.spec.chargeType === "POSTPAID_BY_MONTH_95" ? "monthly-95" : "daily-peak";
}

function unpriced(basis: CostBasis, reason: string, extra: Partial<Pricing> = {}): Pricing {
  return { notes: [], ...extra, basis, priced: false, reason };
}

/**
 * The sentence of the peering's cloud that makes it free, from the rulebook (billing.free), or undefined when it is
 * not free or the cloud says nothing. Asked only of a peering unbuildableReason passed: one cloud, one it can create.
 */
function freeBecause(peering: Peering): string | undefined {
  const entry = RULEBOOK[peering.vpc.cloud].billing.free;
  if (isOpen(entry)) return undefined;
  if (entry.value === "never" || (entry.value === "same-region" && peering.crossRegion)) return undefined;
  const source = entry.sources[0]!;
  return `${entry.value === "always" ? "" : "same-region "}${peering.vpc.cloud} peering: free (${source.title}: ${source.quote})`;
}

/** Why no price applies whatever the cloud's prices: a cross-cloud pair, or a peering its cloud cannot create. */
function unbuildableReason(peering: Peering): string | undefined {
  const a = peering.vpc;
  const b = peering.peerVpc;
  if (a.cloud !== b.cloud)
    return `peering joins ${a.cloud} and ${b.cloud}: no price data for cross-cloud peerings`;
  const regions = RULEBOOK[a.cloud].regions;
  if (peering.crossRegion && !isOpen(regions) && regions.value === "same-region")
    return `${a.cloud} peers VPCs of one region only (CROSS_REGION_UNSUPPORTED): no price for a peering it cannot create`;
  return undefined;
}

/** Why the seeds give no price for this (not free) peering's cloud or regions, or undefined when they do. */
function unpricedPlaceReason(peering: Peering): string | undefined {
  const a = peering.vpc;
  const b = peering.peerVpc;
  if (a.cloud !== "tencentcloud")
    return `no price data for ${a.cloud} ${peering.crossRegion ? "cross-region " : ""}peerings in the seeds`;
  if (!peering.crossRegion) return undefined;
  const outside = [a.region, b.region].filter((region) => !TENCENT_MAINLAND_PRICED_REGIONS.includes(region));
  if (outside.length === 0) return undefined;
  return `region pair ${a.region} - ${b.region} not mainland China as priced by seed 000 (${outside.join(", ")} outside ${TENCENT_MAINLAND_PRICED_REGIONS.join(", ")}): contact sales`;
}

function free(because: string): Pricing {
  return {
    basis: "free",
    priced: true,
    unitPrice: FREE_PRICE,
    perDay: 0,
    perMonth: 0,
    notes: [because],
  };
}

function tierReason(tier: PriceTier | undefined, mbps: number, what: string): string {
  return tier === undefined ? `${what} ${mbps} Mbps falls in no price tier` : unpricedTierReason(tier);
}

/** Planned: the bandwidth cap is taken as the billed bandwidth every day (the worst case). */
function planned(model: CostModel, bandwidthMbps: number | undefined): Pricing {
  if (bandwidthMbps === undefined)
    return unpriced("planned", "no bandwidthMbps and no samples: nothing to price");
  if (model === "daily-peak") {
    const price = dailyPeakPrice(bandwidthMbps);
    if (price === undefined)
      return unpriced("planned", tierReason(dailyPeakTier(bandwidthMbps), bandwidthMbps, "bandwidthMbps"), {
        billedMbps: bandwidthMbps,
      });
    const perDay = bandwidthMbps * price;
    return {
      basis: "planned",
      priced: true,
      billedMbps: bandwidthMbps,
      unitPrice: price,
      perDay,
      perMonth: perDay * DAYS_PER_MONTH,
      notes: [
        `daily peak assumed at the ${bandwidthMbps} Mbps cap every day (worst case)`,
        `${DAYS_PER_MONTH}-day month`,
      ],
    };
  }
  const price = monthly95Price(bandwidthMbps);
  if (price === undefined)
    return unpriced("planned", tierReason(monthly95Tier(bandwidthMbps), bandwidthMbps, "bandwidthMbps"), {
      billedMbps: bandwidthMbps,
    });
  const perMonth = bandwidthMbps * price;
  return {
    basis: "planned",
    priced: true,
    billedMbps: bandwidthMbps,
    unitPrice: price,
    perDay: perMonth / DAYS_PER_MONTH,
    perMonth,
    notes: [
      `Max95 assumed at the ${bandwidthMbps} Mbps cap with every day effective (worst case)`,
      `per day: ${DAYS_PER_MONTH}-day month`,
    ],
  };
}

/** The one unit price shared by all periods, or undefined when they span several tiers (or none). */
function uniformPrice(prices: readonly (number | undefined)[]): number | undefined {
  const first = prices[0];
  return prices.every((price) => price === first) ? first : undefined;
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function dailyFromSamples(samples: readonly BandwidthSample[]): Pricing {
  const days: DailyPeakDay[] = dailyPeakFromSamples(samples);
  const periods = days.map(
    (day): CostPeriod => ({
      period: day.day,
      billedMbps: day.peakMbps,
      ...(day.unitPrice === undefined ? {} : { unitPrice: day.unitPrice }),
      ...(day.cost === undefined ? {} : { cost: roundMoney(day.cost) }),
    }),
  );
  const billedMbps = Math.max(...days.map((day) => day.peakMbps));
  const notes = [
    `${days.length} sampled China day(s) (UTC+8); per day: their average`,
    `${DAYS_PER_MONTH}-day month`,
  ];
  const bad = days.find((day) => day.cost === undefined);
  if (bad)
    return unpriced(
      "samples",
      `peak ${bad.peakMbps} Mbps on ${bad.day}: ${tierReason(bad.tier, bad.peakMbps, "peak")}`,
      { billedMbps, periods, notes },
    );
  const unitPrice = uniformPrice(days.map((day) => day.unitPrice));
  const perDay = average(days.map((day) => day.cost!));
  return {
    basis: "samples",
    priced: true,
    billedMbps,
    ...(unitPrice === undefined ? {} : { unitPrice }),
    perDay,
    perMonth: perDay * DAYS_PER_MONTH,
    periods,
    notes,
  };
}

function monthlyFromSamples(samples: readonly BandwidthSample[]): Pricing {
  const months: Monthly95Month[] = monthly95FromSamples(samples);
  const periods = months.map(
    (month): CostPeriod => ({
      period: month.month,
      billedMbps: month.max95Mbps,
      ...(month.unitPrice === undefined ? {} : { unitPrice: month.unitPrice }),
      ...(month.cost === undefined ? {} : { cost: roundMoney(month.cost) }),
      effectiveDays: month.effectiveDays,
      daysInMonth: month.daysInMonth,
    }),
  );
  const billedMbps = Math.max(...months.map((month) => month.max95Mbps));
  const notes = [
    `${months.length} sampled natural month(s) (UTC+8); days without samples are not effective days`,
    `per month: the average of the sampled months' bills; per day: ${DAYS_PER_MONTH}-day month`,
  ];
  const bad = months.find((month) => month.cost === undefined);
  if (bad)
    return unpriced(
      "samples",
      `Max95 ${bad.max95Mbps} Mbps in ${bad.month}: ${tierReason(bad.tier, bad.max95Mbps, "Max95")}`,
      { billedMbps, periods, notes },
    );
  const unitPrice = uniformPrice(months.map((month) => month.unitPrice));
  const perMonth = average(months.map((month) => month.cost!));
  return {
    basis: "samples",
    priced: true,
    billedMbps,
    ...(unitPrice === undefined ? {} : { unitPrice }),
    perDay: perMonth / DAYS_PER_MONTH,
    perMonth,
    periods,
    notes,
  };
}

function pricePeering(peering: Peering, model: CostModel, samples: readonly BandwidthSample[]): Pricing {
  const basis: CostBasis = samples.length > 0 ? "samples" : "planned";
  const unbuildable = unbuildableReason(peering);
  if (unbuildable !== undefined) return unpriced(basis, unbuildable);
  const because = freeBecause(peering);
  if (because !== undefined) return free(because);
  const place = unpricedPlaceReason(peering);
  if (place !== undefined) return unpriced(basis, place);
  if (samples.length === 0) return planned(model, peering.spec.bandwidthMbps);
  return model === "daily-peak" ? dailyFromSamples(samples) : monthlyFromSamples(samples);
}

/**
 * The samples that apply to each peering: those naming it, plus those naming none (for cross-region peerings).
 * A sample naming a peering that is not in the topology is an error, as a misspelt id would otherwise be
 * priced from the cap silently.
 */
function samplesByPeering(
  topology: Topology,
  samples: readonly BandwidthSample[],
): (peering: Peering) => readonly BandwidthSample[] {
  const named = new Map<string, BandwidthSample[]>();
  const shared: BandwidthSample[] = [];
  for (const sample of samples) {
    if (sample.peering === undefined) {
      shared.push(sample);
      continue;
    }
    if (!topology.peeringById.has(sample.peering)) {
      const known = [...topology.peeringById.keys()].join(", ") || "none";
      const fix = `Use one of the topology's peering ids (${known}), or leave peering empty for all.`;
      throw new PeerlinkError(
        "INVALID_SAMPLES",
        `Samples name peering "${sample.peering}", which is not in the topology. Fix: ${fix}`,
        { resource: "samples", value: sample.peering, fix },
      );
    }
    const list = named.get(sample.peering);
    if (list) list.push(sample);
    else named.set(sample.peering, [sample]);
  }
  return (peering) => {
    const own = named.get(peering.id) ?? [];
    if (!peering.crossRegion || shared.length === 0) return own;
    return own.length === 0 ? shared : [...own, ...shared];
  };
}

function peeringCost(peering: Peering, model: CostModel, pricing: Pricing): PeeringCost {
  return {
    peering: peering.id,
    resource: peering.resource,
    vpc: peering.vpc.id,
    peerVpc: peering.peerVpc.id,
    cloud: peering.vpc.cloud,
    regions: [peering.vpc.region, peering.peerVpc.region],
    payerAccount: peering.vpc.account,
    model,
    basis: pricing.basis,
    priced: pricing.priced,
    ...(pricing.reason === undefined ? {} : { reason: pricing.reason }),
    ...(pricing.billedMbps === undefined ? {} : { billedMbps: pricing.billedMbps }),
    ...(pricing.unitPrice === undefined ? {} : { unitPrice: pricing.unitPrice }),
    unit: UNIT[model],
    ...(pricing.perDay === undefined ? {} : { perDay: roundMoney(pricing.perDay) }),
    ...(pricing.perMonth === undefined ? {} : { perMonth: roundMoney(pricing.perMonth) }),
    ...(pricing.periods === undefined ? {} : { periods: pricing.periods }),
    notes: pricing.notes,
  };
}

/**
 * Estimates what every peering of the topology costs. Pure: the same topology and samples give the same
 * estimate. Throws PeerlinkError("INVALID_SAMPLES") when a sample names an unknown peering.
 */
export function estimateCost(topology: Topology, options: EstimateOptions = {}): CostEstimate {
  const samplesFor = samplesByPeering(topology, options.samples ?? []);
  let perDay = 0;
  let perMonth = 0;
  const unpricedIds: string[] = [];
  const peerings = topology.peerings.map((peering) => {
    const model = modelOf(peering, options.model);
    const pricing = pricePeering(peering, model, samplesFor(peering));
    if (pricing.priced) {
      perDay += pricing.perDay ?? 0;
      perMonth += pricing.perMonth ?? 0;
    } else unpricedIds.push(peering.id);
    return peeringCost(peering, model, pricing);
  });
  return {
    currency: CURRENCY,
    peerings,
    totalPerDay: roundMoney(perDay),
    totalPerMonth: roundMoney(perMonth),
    unpriced: unpricedIds,
    daysPerMonth: DAYS_PER_MONTH,
  };
}
