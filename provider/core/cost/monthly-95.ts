/**
 * Monthly 95th-percentile billing (seed 000 "月95峰值计费"): 每月费用 = 月95带宽峰值 x 有效天数占比 x 阶梯价.
 *
 * - Natural months in China time (按自然月结算; UTC+8, see china-time.ts).
 * - An effective day is one whose consumption exceeds 1 Kbps (有效天: 产生的消耗 大于 1 Kbps): some 5-minute
 *   point of the day, max(in, out), is above 0.001 Mbps.
 * - Max95: all 5-minute points of the effective days (each max(in, out), 出入带宽峰值), sorted in descending
 *   order; the top 5% are dropped (去掉前 5% 的统计点) and the largest remaining point is Max95.
 * - Effective-day ratio: effective days / days of the natural month (有效占比 = 有效天 / 自然月的天数).
 * - The seed's example: February 2017 with 14 effective days, 14 x 288 points, top 5% dropped,
 *   cost = Max95 x P x 14 / 28.
 *
 * Amounts here are exact (unrounded); estimate.ts rounds once at its output.
 */
import { chinaDay, chinaMonth, daysInMonth } from "./china-time.js";
import { type BandwidthSample, sampleMbps } from "./samples.js";
import {
  type PriceTier,
  TENCENT_EFFECTIVE_DAY_THRESHOLD_MBPS,
  TENCENT_MONTHLY_95_TIERS,
} from "./tencent-peering-prices.js";
import { findTier } from "./tiers.js";

/** Whether a day's points make it an effective day: one point above 1 Kbps. */
export function isEffectiveDay(pointsMbps: readonly number[]): boolean {
  return pointsMbps.some((mbps) => mbps > TENCENT_EFFECTIVE_DAY_THRESHOLD_MBPS);
}

/**
 * How many of n points "the top 5%" drops. The seed does not say how to round 5% of a count that is not a
 * multiple of 20 (14 x 288 = 4032 gives 201.6); peerlink drops floor(n / 20), i.e. only whole points inside the
 * 5% (201 of 4032), which never drops more than the seed allows. Integer division avoids 0.05 * n float error.
 */
export function droppedPointCount(pointCount: number): number {
  return Math.floor(pointCount / 20);
}

/** Max95 of a month's points: the largest point once the top 5% are dropped; 0 when there are no points. */
export function max95(pointsMbps: readonly number[]): { max95Mbps: number; droppedPoints: number } {
  const sorted = [...pointsMbps].sort((a, b) => b - a);
  const droppedPoints = droppedPointCount(sorted.length);
  return { max95Mbps: sorted[droppedPoints] ?? 0, droppedPoints };
}

/**
 * The spec-table tier for a month. The seed's table is headed 规格 (spec) without saying what is matched against
 * it; peerlink chooses the tier by Max95, the month's billed bandwidth, as the daily model chooses by the peak.
 */
export function monthly95Tier(max95Mbps: number): PriceTier | undefined {
  return findTier(TENCENT_MONTHLY_95_TIERS, max95Mbps);
}

/** CNY/Mbps/month for a month with this Max95; undefined for 0 (no tier) or an unpriced tier. */
export function monthly95Price(max95Mbps: number): number | undefined {
  return monthly95Tier(max95Mbps)?.price;
}

/**
 * The month's cost, CNY, exact: Max95 x price x effectiveDays / daysInMonth. 0 without traffic; undefined when
 * the tier has no price. Multiplying before dividing keeps the seed's 14 / 28 exact.
 */
export function monthly95Cost(
  max95Mbps: number,
  effectiveDays: number,
  monthDays: number,
): number | undefined {
  if (max95Mbps <= 0 || effectiveDays <= 0) return 0;
  const price = monthly95Price(max95Mbps);
  return price === undefined ? undefined : (max95Mbps * price * effectiveDays) / monthDays;
}

export interface Monthly95Month {
  /** The China natural month, "YYYY-MM". */
  readonly month: string;
  readonly daysInMonth: number;
  /** Days with a point above 1 Kbps. Days without samples are not effective. */
  readonly effectiveDays: number;
  /** The points of the effective days. */
  readonly points: number;
  /** The top 5% left out (floor(points / 20)). */
  readonly droppedPoints: number;
  readonly max95Mbps: number;
  /** The tier Max95 falls in (undefined for a Max95 of 0). */
  readonly tier?: PriceTier;
  /** Undefined when Max95 is 0 or its tier is unpriced. */
  readonly unitPrice?: number;
  /** Exact CNY; undefined when the tier is unpriced. */
  readonly cost?: number;
}

function sortedKeys<V>(map: ReadonlyMap<string, V>): string[] {
  return [...map.keys()].sort();
}

/** Points by China day, by China month. */
function pointsByMonthAndDay(samples: readonly BandwidthSample[]): Map<string, Map<string, number[]>> {
  const months = new Map<string, Map<string, number[]>>();
  for (const sample of samples) {
    const month = chinaMonth(sample.time);
    const day = chinaDay(sample.time);
    let days = months.get(month);
    if (!days) {
      days = new Map();
      months.set(month, days);
    }
    const points = days.get(day);
    if (points) points.push(sampleMbps(sample));
    else days.set(day, [sampleMbps(sample)]);
  }
  return months;
}

/** The monthly-95 bill of each China month that has samples, in month order. */
export function monthly95FromSamples(samples: readonly BandwidthSample[]): Monthly95Month[] {
  const months = pointsByMonthAndDay(samples);
  return sortedKeys(months).map((month) => {
    const days = months.get(month)!;
    const effective = sortedKeys(days)
      .map((day) => days.get(day)!)
      .filter(isEffectiveDay);
    const points = effective.flat();
    const { max95Mbps, droppedPoints } = max95(points);
    const monthDays = daysInMonth(month);
    const tier = monthly95Tier(max95Mbps);
    const cost = monthly95Cost(max95Mbps, effective.length, monthDays);
    return {
      month,
      daysInMonth: monthDays,
      effectiveDays: effective.length,
      points: points.length,
      droppedPoints,
      max95Mbps,
      ...(tier === undefined ? {} : { tier }),
      ...(tier?.price === undefined ? {} : { unitPrice: tier.price }),
      ...(cost === undefined ? {} : { cost }),
    };
  });
}
