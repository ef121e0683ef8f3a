/**
 * The keys of the argument parts both DR front ends (the Pulumi components, the CDKTF constructs) take as the
 * planners define them, for the UNKNOWN_ARGUMENT check (argument-keys.ts). Each shape is checked against its
 * interface at compile time, so a key added to an interface cannot be missing here.
 */
import type { ShapeOf } from "../argument-keys.js";
import type { DrExternalLink } from "./external-links.js";
import type { DrRouting } from "./routing-policy.js";
import type { DrLinkOptions } from "./site.js";
import type { DrBandwidthLimit } from "./two-region-dr.js";

export const DR_ROUTING_KEYS = {
  routes: true,
  routeTables: true,
  mainTable: true,
} as const satisfies ShapeOf<DrRouting>;

export const DR_LINK_OPTION_KEYS = {
  bandwidthMbps: true,
  chargeType: true,
  serviceLevel: true,
} as const satisfies ShapeOf<DrLinkOptions>;

export const DR_BANDWIDTH_LIMIT_KEYS = {
  ip: true,
  limitMbps: true,
  side: true,
} as const satisfies ShapeOf<DrBandwidthLimit>;

/**
 * One link of `externalPeerings`. The links are keyed by the component's own names (a spoke, `production-dr`),
 * which the planners check (EXTERNAL_PEERING_INVALID names a key that is no link): the shapes take them as
 * `{ values: DR_EXTERNAL_LINK_KEYS }`, so that a misspelt `requesterOnly` inside one is caught here.
 */
export const DR_EXTERNAL_LINK_KEYS = {
  requesterOnly: true,
  existingPeeringId: true,
} as const satisfies ShapeOf<DrExternalLink>;
