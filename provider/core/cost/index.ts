/**
 * Cost: what the peerings of a topology cost, from the Tencent prices of seed 000 (daily peak and monthly 95th
 * percentile), planned from the bandwidth caps or computed from measured 5-minute samples. Pure functions; the
 * CLI reads the samples file and passes its text to parseSamplesCsv.
 */
export { chinaDay, chinaMonth, daysInMonth } from "./china-time.js";
export {
  type DailyPeakDay,
  dailyPeakCost,
  dailyPeakFromSamples,
  dailyPeakPrice,
  dailyPeaks,
  dailyPeakTier,
} from "./daily-peak.js";
export {
  type CostBasis,
  type CostEstimate,
  type CostModel,
  type CostPeriod,
  type CostUnit,
  DAYS_PER_MONTH,
  type EstimateOptions,
  estimateCost,
  type PeeringCost,
} from "./estimate.js";
export { roundMoney } from "./money.js";
export {
  droppedPointCount,
  isEffectiveDay,
  type Monthly95Month,
  max95,
  monthly95Cost,
  monthly95FromSamples,
  monthly95Price,
  monthly95Tier,
} from "./monthly-95.js";
export { type BandwidthSample, parseSamplesCsv, sampleMbps } from "./samples.js";
export * from "./tencent-peering-prices.js";
export { findTier } from "./tiers.js";
