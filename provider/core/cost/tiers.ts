/** Looking a bandwidth up in a price table (data in tencent-peering-prices.ts). */
import type { PriceTier } from "./tencent-peering-prices.js";

/**
 * The tier whose range (aboveMbps, upToMbps] holds `mbps`, or `undefined` for 0 and below (no tier starts at
 * 0 inclusive: a bandwidth of 0 bills nothing, whatever the price) and for NaN.
 */
export function findTier(tiers: readonly PriceTier[], mbps: number): PriceTier | undefined {
  return tiers.find((tier) => mbps > tier.aboveMbps && mbps <= tier.upToMbps);
}

/** Why a tier has no price, for reports: "tier (100, 500] Mbps: contact sales (seed 000)". */
export function unpricedTierReason(tier: PriceTier): string {
  return `tier ${tier.label}: contact sales (seed 000)`;
}
