/**
 * Daily-peak billing (seed 000 "日峰值计费"): 每日费用 = 当日带宽峰值 x 带宽所在阶梯的单价.
 *
 * - The day's peak is the largest 5-minute point of the day, a point being the larger of in and out
 *   (seed 000: 每5分钟采集一次，取当日出入带宽的最大值作为每日带宽峰值).
 * - The whole peak is priced at the unit price of the one tier the peak falls in; tiers are not progressive.
 *   The seed's example: in 30 Mbps, out 20 Mbps, so the peak is 30, in tier (20, 100] at 12, and the day costs
 *   30 x 12 = 360 元 (not 20 x 20 + 10 x 12).
 * - Days are China days (UTC+8), see china-time.ts.
 *
 * Amounts here are exact (unrounded); estimate.ts rounds once at its output.
 */
import { chinaDay } from "./china-time.js";
import { type BandwidthSample, sampleMbps } from "./samples.js";
import { type PriceTier, TENCENT_DAILY_PEAK_TIERS } from "./tencent-peering-prices.js";
import { findTier } from "./tiers.js";

/** The daily tier a peak falls in; undefined for a peak of 0 (no traffic). */
export function dailyPeakTier(peakMbps: number): PriceTier | undefined {
  return findTier(TENCENT_DAILY_PEAK_TIERS, peakMbps);
}

/** CNY/Mbps/day for a day with this peak; undefined for unpriced tiers (above 100 Mbps: contact sales). */
export function dailyPeakPrice(peakMbps: number): number | undefined {
  return dailyPeakTier(peakMbps)?.price;
}

/**
 * The day's cost, CNY, exact: peak x the unit price of the peak's tier. A day without traffic (peak 0) costs 0;
 * undefined when the tier has no price.
 */
export function dailyPeakCost(peakMbps: number): number | undefined {
  if (peakMbps <= 0) return 0;
  const price = dailyPeakPrice(peakMbps);
  return price === undefined ? undefined : peakMbps * price;
}

export interface DailyPeakDay {
  /** The China day, "YYYY-MM-DD". */
  readonly day: string;
  /** The largest max(in, out) of the day's samples. */
  readonly peakMbps: number;
  /** The tier the peak falls in (undefined for a peak of 0). */
  readonly tier?: PriceTier;
  /** Undefined when the peak is 0 or its tier is unpriced. */
  readonly unitPrice?: number;
  /** Exact CNY; undefined when the tier is unpriced. */
  readonly cost?: number;
}

/** The day's peak of each China day that has samples, in day order. */
export function dailyPeaks(samples: readonly BandwidthSample[]): { day: string; peakMbps: number }[] {
  const peaks = new Map<string, number>();
  for (const sample of samples) {
    const day = chinaDay(sample.time);
    peaks.set(day, Math.max(peaks.get(day) ?? 0, sampleMbps(sample)));
  }
  return [...peaks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, peakMbps]) => ({ day, peakMbps }));
}

/** The daily-peak bill of each China day that has samples, in day order. */
export function dailyPeakFromSamples(samples: readonly BandwidthSample[]): DailyPeakDay[] {
  return dailyPeaks(samples).map(({ day, peakMbps }) => {
    const tier = dailyPeakTier(peakMbps);
    const cost = dailyPeakCost(peakMbps);
    return {
      day,
      peakMbps,
      ...(tier === undefined ? {} : { tier }),
      ...(tier?.price === undefined ? {} : { unitPrice: tier.price }),
      ...(cost === undefined ? {} : { cost }),
    };
  });
}
