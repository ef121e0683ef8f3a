/**
 * What each cloud accepts, as data. Every number cites the seed document it comes from (../shared/seeds).
 * Where a seed says nothing, the rule is left open (undefined) rather than guessed.
 */
import type { ChargeType, Cloud, ServiceLevel } from "./topology-schema.js";

export interface CloudRules {
  /** Peerings per VPC, initiated and accepted together. */
  readonly maxPeeringsPerVpc: number;
  /** Undefined where no seed documents a rule. */
  readonly nameLength?: { readonly min: number; readonly max: number };
  /**
   * Bandwidth rules. `tiers`: the only accepted values for cross-region peerings; `positiveInteger`: any
   * positive integer, required; `notSettable`: bandwidth is ignored where this says so.
   */
  readonly bandwidth: {
    readonly crossRegionTiers?: readonly number[];
    readonly crossRegionRequired: boolean;
    readonly requiredPositiveInteger: boolean;
    readonly notSettable: "same-region" | "always" | "never";
  };
  /** Whether all cross-region peer VPCs of one VPC must be mutually disjoint. */
  readonly crossRegionPeersDisjoint: boolean;
  /** Per-IP outbound limits on the peering gateway, and on which peerings. */
  readonly perIpLimits: "cross-region" | "none";
  readonly chargeTypes: readonly ChargeType[];
  readonly serviceLevels: readonly ServiceLevel[];
  /** Service levels that only exist with a given charge type. */
  readonly serviceLevelChargeType: Partial<Record<ServiceLevel, ChargeType>>;
}

export const CLOUD_RULES: Readonly<Record<Cloud, CloudRules>> = {
  tencentcloud: {
    // seed 000 "使用约束" table: 每个私有网络支持的对等连接数 10.
    maxPeeringsPerVpc: 10,
    // seed 003: peeringConnectionName 不得超过60个字符.
    nameLength: { min: 1, max: 60 },
    bandwidth: {
      // seed 000 "带宽": 10、20、50、100、200、500、1000 Mbps; "跨地域对等连接用户需要设定带宽上限".
      crossRegionTiers: [10, 20, 50, 100, 200, 500, 1000],
      crossRegionRequired: true,
      requiredPositiveInteger: false,
      // seed 000 "同地域对等连接带宽无上限，不可修改".
      notSettable: "same-region",
    },
    // seed 000 "功能限制": 一个 VPC 连接多个 VPC 时多个对端 VPC 网段也不可重复 (cross-region only).
    crossRegionPeersDisjoint: true,
    // seed 000 "配置跨地域对等连接的流控": 同地域…无流控功能; 跨地域对等连接支持流控.
    perIpLimits: "cross-region",
    // seed 000 "计费模式": 日峰值计费, 月95峰值计费.
    chargeTypes: ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"],
    serviceLevels: ["platinum", "gold", "silver"],
    // seed 000 "产品优势": "白金"、"银" 支持条件是：月 95 计费.
    serviceLevelChargeType: { platinum: "POSTPAID_BY_MONTH_95", silver: "POSTPAID_BY_MONTH_95" },
  },
  huaweicloud: {
    // The Huawei seeds (002, 004) give no per-VPC limit; the product-wide limit of 10 (issue #2) applies.
    maxPeeringsPerVpc: 10,
    // seed 002: name String(64), 1-64 characters.
    nameLength: { min: 1, max: 64 },
    // seed 004: the create request has no bandwidth parameter.
    bandwidth: { crossRegionRequired: false, requiredPositiveInteger: false, notSettable: "always" },
    // Not documented for Huawei (seeds 002, 004): not enforced.
    crossRegionPeersDisjoint: false,
    perIpLimits: "none",
    chargeTypes: [],
    serviceLevels: [],
    serviceLevelChargeType: {},
  },
  baiducloud: {
    maxPeeringsPerVpc: 10,
    // seed 001 documents no length rule for the peering's names, so none is enforced.
    // seed 001 createPeerConn: bandwidthInMbps int, required.
    bandwidth: { crossRegionRequired: false, requiredPositiveInteger: true, notSettable: "never" },
    // Not documented for Baidu (seed 001): not enforced.
    crossRegionPeersDisjoint: false,
    perIpLimits: "none",
    // seed 001 createPeerConn: billing.paymentTiming Prepaid | Postpaid.
    chargeTypes: ["Postpaid", "Prepaid"],
    serviceLevels: [],
    serviceLevelChargeType: {},
  },
};
