/**
 * The rulebook's shape: each cloud's documented peering rules as data, every entry with the sources it comes from.
 * Validators, the DR planners, the front ends, the local engine, the backends' client-side checks and the emulator
 * all read these values (provider/core/rulebook/index.ts); none of them writes a cloud rule of its own.
 *
 * An entry whose value no source documents is `open`: the layers then enforce nothing for it, and the README says
 * so. Where sources disagree, `note` says which one was chosen and why (the one the official SDKs follow).
 */
import type { ChargeType, ServiceLevel } from "../topology-schema.js";

/** Where a rule comes from: a seed document (../shared/seeds) or a page of the cloud's public documentation. */
export interface Citation {
  /** The document's title, or "seed 000" for a seed. */
  readonly title: string;
  /** The page's address; for a seed its file name. */
  readonly url: string;
  /** The sentence the rule is read from, as the document words it. */
  readonly quote: string;
}

/** A documented value, with its sources. */
export interface Documented<T> {
  readonly value: T;
  readonly sources: readonly Citation[];
  /** Where sources disagree or the reading needs a word: what was chosen, and why. */
  readonly note?: string;
}

/** A rule no source documents: left open, enforced nowhere. */
export interface Open {
  readonly open: true;
  /** What was searched and not found. */
  readonly note: string;
}

export type Entry<T> = Documented<T> | Open;

export function isOpen<T>(entry: Entry<T>): entry is Open {
  return "open" in entry;
}

/** The value of a documented entry, or `fallback` when the rule is open. */
export function ruleOr<T>(entry: Entry<T>, fallback: T): T {
  return isOpen(entry) ? fallback : entry.value;
}

/** Which side of a peering may do something: the requester (the side that created it), the accepter, either. */
export type Party = "requester" | "accepter" | "either";

/** The operations on an existing peering whose actor the clouds restrict. */
export const PEERING_OPERATIONS = ["accept", "reject", "resize", "rename", "enable", "delete"] as const;
export type PeeringOperation = (typeof PEERING_OPERATIONS)[number];

/** Which regions one peering may join. */
export type RegionScope = "same-region" | "same-and-cross-region";

/** What becomes of a peering's record once it is deleted. */
export type DeletedRecord = "listed-as-deleted" | "removed";

/** What becomes of the routes through a peering when it is deleted. */
export type RoutesOnDelete = "deleted-with-peering" | "refuse-while-routed";

/** An IPv4 range a VPC's blocks may be drawn from, with the prefix lengths a block inside it may take. */
export interface VpcBlockRange {
  /** The range, canonical, e.g. `172.16.0.0/12`. */
  readonly within: string;
  /** The shortest prefix (largest block) allowed inside the range. */
  readonly minPrefix: number;
  /** The longest prefix (smallest block) allowed. */
  readonly maxPrefix: number;
}

export interface CloudRulebook {
  /** The blocks a VPC may be created with (its primary and secondary CIDRs). */
  readonly vpcBlocks: {
    /** The IPv4 ranges a VPC's blocks must lie in, each with its prefix lengths. */
    readonly ipv4Ranges: Entry<readonly VpcBlockRange[]>;
    /** The prefix lengths a VPC's IPv4 block may take, wherever it lies. */
    readonly ipv4PrefixLength: Entry<{ readonly min: number; readonly max: number }>;
    /** Whether the user may declare an IPv6 block as a VPC block (false: the cloud assigns IPv6 itself). */
    readonly ipv6Declared: Entry<boolean>;
  };
  /**
   * A VPC's subnets (peerlink's `Subnet`): where their IPv4 blocks may lie and whether the cloud assigns one an
   * IPv6 block when it is created. Dual-stack DR sites route to the IPv6 blocks the cloud assigned their subnets.
   */
  readonly subnets: {
    /** Whether a subnet's IPv4 block must lie inside one of its VPC's blocks. */
    readonly withinVpc: Entry<boolean>;
    /** The longest prefix (smallest block) a subnet's IPv4 block may take. */
    readonly ipv4MaxPrefix: Entry<number>;
    /** Whether the subnets of one VPC must be disjoint. */
    readonly disjoint: Entry<boolean>;
    /** Whether a subnet can ask for IPv6 when it is created (the cloud then assigns its IPv6 block itself). */
    readonly ipv6AtCreate: Entry<boolean>;
  };
  /** Which regions a peering may join. */
  readonly regions: Entry<RegionScope>;
  /**
   * Whether a route through a peering may have an IPv6 destination (the peer VPC's IPv6 block, or part of it).
   * peerlink plans IPv6 peering routes only where this is documented true (IPV6_PEERING_UNSUPPORTED elsewhere).
   */
  readonly ipv6PeeringRoutes: Entry<boolean>;
  /** Whether a peering may join VPCs of two accounts (then it waits for the accepter). */
  readonly crossAccount: Entry<boolean>;
  /** Who may do each operation on an existing peering. */
  readonly who: Readonly<Record<PeeringOperation, Entry<Party>>>;
  /** What happens on delete. */
  readonly onDelete: {
    readonly routes: Entry<RoutesOnDelete>;
    readonly record: Entry<DeletedRecord>;
  };
  /** Days an unanswered cross-account request waits before it expires. */
  readonly pendingExpiryDays: Entry<number>;
  readonly limits: {
    /** Peerings per VPC, requested and accepted together. */
    readonly peeringsPerVpc: Entry<number>;
    /** Routes per route table. */
    readonly routesPerRouteTable: Entry<number>;
    /** The peering name's length in characters. */
    readonly nameLength: Entry<{ readonly min: number; readonly max: number }>;
  };
  readonly bandwidth: {
    /** The only values a cross-region peering's bandwidth may take. */
    readonly crossRegionTiers: Entry<readonly number[]>;
    /** Whether a cross-region peering must set a bandwidth. */
    readonly crossRegionRequired: Entry<boolean>;
    /** Whether every peering must set a positive integer bandwidth. */
    readonly requiredPositiveInteger: Entry<boolean>;
    /** Where a bandwidth cannot be set at all. */
    readonly notSettable: Entry<"same-region" | "always" | "never">;
  };
  /** Whether all cross-region peer VPCs of one VPC must be mutually disjoint. */
  readonly crossRegionPeersDisjoint: Entry<boolean>;
  /** Per-IP outbound limits on the peering gateway, and on which peerings. */
  readonly perIpLimits: Entry<"cross-region" | "none">;
  readonly billing: {
    readonly chargeTypes: Entry<readonly ChargeType[]>;
    /** The charge types a same-region peering may take, where the cloud narrows `chargeTypes` for it. */
    readonly sameRegionChargeTypes: Entry<readonly ChargeType[]>;
    readonly serviceLevels: Entry<readonly ServiceLevel[]>;
    /** Service levels that only exist with a given charge type. */
    readonly serviceLevelChargeType: Entry<Partial<Record<ServiceLevel, ChargeType>>>;
    /** Which peerings cost nothing: every one, the same-region ones, or none the documents say so of. */
    readonly free: Entry<"always" | "same-region" | "never">;
  };
}
