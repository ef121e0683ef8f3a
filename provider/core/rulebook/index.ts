/**
 * The rulebook: each cloud's documented peering rules, once. Every layer (validate, the DR planners, the Pulumi
 * checks, the policy pack, the CDKTF constructs, the local engine, the backends' client-side checks, the emulator)
 * asks these functions; none keeps a cloud rule of its own.
 */
import type { Cloud } from "../topology-schema.js";
import { BAIDUCLOUD } from "./baiducloud.js";
import { HUAWEICLOUD } from "./huaweicloud.js";
import { TENCENTCLOUD } from "./tencentcloud.js";
import { type CloudRulebook, isOpen, type Party, type PeeringOperation, ruleOr } from "./types.js";

export * from "./types.js";

export const RULEBOOK: Readonly<Record<Cloud, CloudRulebook>> = {
  tencentcloud: TENCENTCLOUD,
  huaweicloud: HUAWEICLOUD,
  baiducloud: BAIDUCLOUD,
};

/** Whether a peering on `cloud` may join VPCs of two different regions. Open: allowed (nothing to enforce). */
export function allowsCrossRegion(cloud: Cloud): boolean {
  return ruleOr(RULEBOOK[cloud].regions, "same-and-cross-region") === "same-and-cross-region";
}

/**
 * Whether the side `side` of a peering may do `operation` on `cloud`. An open rule allows either side (nothing is
 * documented to refuse); a documented "requester" or "accepter" refuses the other side.
 */
export function mayAct(cloud: Cloud, operation: PeeringOperation, side: "requester" | "accepter"): boolean {
  const who: Party = ruleOr(RULEBOOK[cloud].who[operation], "either");
  return who === "either" || who === side;
}

/** Who may do `operation` on `cloud`, or undefined when no source documents it. */
export function documentedParty(cloud: Cloud, operation: PeeringOperation): Party | undefined {
  const entry = RULEBOOK[cloud].who[operation];
  return isOpen(entry) ? undefined : entry.value;
}

/** Whether a deleted peering stays listed (DELETED) or disappears at once. Open: stays listed. */
export function deletedPeeringsListed(cloud: Cloud): boolean {
  return ruleOr(RULEBOOK[cloud].onDelete.record, "listed-as-deleted") === "listed-as-deleted";
}

/** Days before an unanswered request expires, or undefined when no source documents an expiry. */
export function pendingExpiryDays(cloud: Cloud): number | undefined {
  const entry = RULEBOOK[cloud].pendingExpiryDays;
  return isOpen(entry) ? undefined : entry.value;
}
