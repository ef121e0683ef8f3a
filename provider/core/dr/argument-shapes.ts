/**
 * The keys of the argument parts both DR front ends (the Pulumi components, the CDKTF constructs) take as the
 * planners define them, for the INVALID_ARGUMENT check (argument-keys.ts). Each shape is checked against its
 * interface at compile time, so a key added to an interface, or made required, cannot be missed here.
 */
import { oneOf, type ShapeOf, typed, value } from "../argument-keys.js";
import { CHARGE_TYPES, SERVICE_LEVELS } from "../topology-schema.js";
import type { DrExternalLink } from "./external-links.js";
import type { DrRouting } from "./routing-policy.js";
import type { DrLinkOptions } from "./site.js";
import { DR_SIDES, type DrBandwidthLimit } from "./two-region-dr.js";

export const DR_ROUTING_KEYS = {
  routes: value,
  routeTables: typed("string[]"),
  mainTable: typed("boolean"),
} as const satisfies ShapeOf<DrRouting>;

export const DR_LINK_OPTION_KEYS = {
  bandwidthMbps: typed("number"),
  chargeType: oneOf(CHARGE_TYPES),
  serviceLevel: oneOf(SERVICE_LEVELS),
} as const satisfies ShapeOf<DrLinkOptions>;

export const DR_BANDWIDTH_LIMIT_KEYS = {
  ip: typed("string", true),
  limitMbps: typed("number", true),
  side: oneOf(DR_SIDES),
} as const satisfies ShapeOf<DrBandwidthLimit>;

/**
 * One link of `externalPeerings`. The links are keyed by the component's own names (a spoke, `production-dr`),
 * which the planners check (EXTERNAL_PEERING_INVALID names a key that is no link): the shapes take them as
 * `mapOf(DR_EXTERNAL_LINK_KEYS)`, so that a misspelt `requesterOnly` inside one is caught here.
 */
export const DR_EXTERNAL_LINK_KEYS = {
  requesterOnly: typed("boolean"),
  existingPeeringId: typed("string"),
} as const satisfies ShapeOf<DrExternalLink>;
