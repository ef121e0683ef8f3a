/**
 * The rulebook: each cloud's documented peering rules, once. Every layer (validate, the DR planners, the Pulumi
 * checks, the policy pack, the CDKTF constructs, the local engine, the backends' client-side checks, the emulator)
 * asks these functions; none keeps a cloud rule of its own.
 */
import { type Cidr, contains, mappedIpv4, parseCidr } from "../cidr.js";
import type { Cloud } from "../topology-schema.js";
import { BAIDUCLOUD } from "./baiducloud.js";
import { HUAWEICLOUD } from "./huaweicloud.js";
import { TENCENTCLOUD } from "./tencentcloud.js";
import {
  type CloudRulebook,
  isOpen,
  type Party,
  type PeeringOperation,
  ruleOr,
  type VpcBlockRange,
} from "./types.js";

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

/** Routes one route table may hold on `cloud`, or undefined when no source documents a limit. */
export function routesPerRouteTable(cloud: Cloud): number | undefined {
  const entry = RULEBOOK[cloud].limits.routesPerRouteTable;
  return isOpen(entry) ? undefined : entry.value;
}

/** Days before an unanswered request expires, or undefined when no source documents an expiry. */
export function pendingExpiryDays(cloud: Cloud): number | undefined {
  const entry = RULEBOOK[cloud].pendingExpiryDays;
  return isOpen(entry) ? undefined : entry.value;
}

/** Whether the cloud documents IPv6 destinations for routes through a peering (open: not documented, so no). */
export function ipv6PeeringRoutes(cloud: Cloud): boolean {
  const entry = RULEBOOK[cloud].ipv6PeeringRoutes;
  return !isOpen(entry) && entry.value;
}

/** Why a VPC block is refused on a cloud, and what the cloud allows instead. */
export interface VpcBlockRefusal {
  /** `ipv6`: the cloud assigns IPv6 itself; `range`: outside every documented range; `prefix`: size out of range. */
  readonly reason: "ipv6" | "range" | "prefix";
  /** What the cloud allows, for the message: "10.0.0.0/8 (/12-/28), ..." or "/8 to /28". */
  readonly allowed: string;
  /** The IPv4 block an IPv4-mapped IPv6 block stands for, when the refused block is one. */
  readonly mapped?: Cidr;
}

const rangeText = (r: VpcBlockRange) => `${r.within} (/${r.minPrefix}-/${r.maxPrefix})`;

/**
 * Whether `block` may be a VPC block on `cloud`, from the rulebook's vpcBlocks entries; undefined when allowed.
 * Open entries refuse nothing. The ranges and prefix lengths are documented for the block a VPC is created with
 * (CreateVpc), so a `secondary` block is held to the IPv6 rule only.
 */
export function vpcBlockRefusal(
  cloud: Cloud,
  block: Cidr,
  position: "primary" | "secondary" = "primary",
): VpcBlockRefusal | undefined {
  const rules = RULEBOOK[cloud].vpcBlocks;
  if (block.family === 6) {
    if (isOpen(rules.ipv6Declared) || rules.ipv6Declared.value) return undefined;
    const mapped = mappedIpv4(block);
    return { reason: "ipv6", allowed: "IPv4 blocks only", ...(mapped ? { mapped } : {}) };
  }
  if (position === "secondary") return undefined;
  if (!isOpen(rules.ipv4PrefixLength)) {
    const { min, max } = rules.ipv4PrefixLength.value;
    if (block.prefix < min || block.prefix > max) return { reason: "prefix", allowed: `/${min} to /${max}` };
  }
  if (!isOpen(rules.ipv4Ranges)) {
    const ranges = rules.ipv4Ranges.value;
    const home = ranges.find((r) => {
      const parsed = parseCidr(r.within);
      return parsed.ok && contains(parsed.cidr, block);
    });
    if (!home) return { reason: "range", allowed: ranges.map(rangeText).join(", ") };
    if (block.prefix < home.minPrefix || block.prefix > home.maxPrefix)
      return { reason: "prefix", allowed: `/${home.minPrefix} to /${home.maxPrefix} inside ${home.within}` };
  }
  return undefined;
}
