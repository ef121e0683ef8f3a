/**
 * What each cloud accepts, in the compact form the validators read. Every value is projected from the rulebook
 * (./rulebook), where each entry cites its source; an entry the rulebook leaves open is enforced nowhere.
 */
import { RULEBOOK } from "./rulebook/index.js";
import { type CloudRulebook, isOpen, ruleOr } from "./rulebook/types.js";
import type { ChargeType, Cloud, ServiceLevel } from "./topology-schema.js";

export interface CloudRules {
  /** Peerings per VPC, initiated and accepted together. Undefined where no source documents a limit. */
  readonly maxPeeringsPerVpc?: number;
  /** Undefined where no source documents a rule. */
  readonly nameLength?: { readonly min: number; readonly max: number };
  /** Whether a peering may join two regions (Huawei peerings are regional). */
  readonly crossRegion: boolean;
  /**
   * Bandwidth rules. `crossRegionTiers`: the only accepted values for cross-region peerings;
   * `requiredPositiveInteger`: any positive integer, required; `notSettable`: bandwidth is ignored where this says so.
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
  /** What a same-region peering may take (the rulebook's entry; `chargeTypes` where it is open). */
  readonly sameRegionChargeTypes: readonly ChargeType[];
  readonly serviceLevels: readonly ServiceLevel[];
  /** Service levels that only exist with a given charge type. */
  readonly serviceLevelChargeType: Partial<Record<ServiceLevel, ChargeType>>;
}

function project(book: CloudRulebook): CloudRules {
  const rules: {
    -readonly [K in keyof CloudRules]: CloudRules[K];
  } = {
    crossRegion: ruleOr(book.regions, "same-and-cross-region") === "same-and-cross-region",
    bandwidth: {
      crossRegionRequired: ruleOr(book.bandwidth.crossRegionRequired, false),
      requiredPositiveInteger: ruleOr(book.bandwidth.requiredPositiveInteger, false),
      notSettable: ruleOr(book.bandwidth.notSettable, "never"),
      ...(isOpen(book.bandwidth.crossRegionTiers)
        ? {}
        : { crossRegionTiers: book.bandwidth.crossRegionTiers.value }),
    },
    crossRegionPeersDisjoint: ruleOr(book.crossRegionPeersDisjoint, false),
    perIpLimits: ruleOr(book.perIpLimits, "none"),
    chargeTypes: ruleOr(book.billing.chargeTypes, []),
    sameRegionChargeTypes: ruleOr(book.billing.sameRegionChargeTypes, ruleOr(book.billing.chargeTypes, [])),
    serviceLevels: ruleOr(book.billing.serviceLevels, []),
    serviceLevelChargeType: ruleOr(book.billing.serviceLevelChargeType, {}),
  };
  if (!isOpen(book.limits.peeringsPerVpc)) rules.maxPeeringsPerVpc = book.limits.peeringsPerVpc.value;
  if (!isOpen(book.limits.nameLength)) rules.nameLength = book.limits.nameLength.value;
  return rules;
}

export const CLOUD_RULES: Readonly<Record<Cloud, CloudRules>> = {
  tencentcloud: project(RULEBOOK.tencentcloud),
  huaweicloud: project(RULEBOOK.huaweicloud),
  baiducloud: project(RULEBOOK.baiducloud),
};
