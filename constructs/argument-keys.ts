/**
 * The keys each construct's props may have and must have, for the INVALID_ARGUMENT check every front end shares
 * (provider/core/argument-keys.ts). TypeScript refuses `bandwith: 200` in an object literal; JavaScript, a spread
 * config object or a cast do not, and the peering would be synthesized with the cloud's default bandwidth. A
 * construct checks its props when it is built, before it maps anything, and throws every unknown key at once,
 * as the DR planners' refusals do. Each shape is checked against its props interface at compile time.
 */
import type { Construct } from "constructs";
import {
  type ArgumentShape,
  argumentProblems,
  listOf,
  mapOf,
  object,
  oneOf,
  requiredValue,
  type ShapeOf,
  typed,
  value,
} from "../provider/core/argument-keys.js";
import {
  DR_BANDWIDTH_LIMIT_KEYS,
  DR_EXTERNAL_LINK_KEYS,
  DR_LINK_OPTION_KEYS,
  DR_ROUTING_KEYS,
} from "../provider/core/dr/argument-shapes.js";
import { TopologyValidationError } from "../provider/core/errors.js";
import { CLOUDS } from "../provider/core/topology-schema.js";
import type { BandwidthPolicyProps } from "./bandwidth-policy.js";
import type { HubAndSpokeProps } from "./dr/hub-and-spoke.js";
import type { TwoRegionDrProps } from "./dr/two-region-dr.js";
import type { TwoRegionsThreeCentersProps } from "./dr/two-regions-three-centers.js";
import type { ExistingPeeringProps } from "./existing-peering.js";
import type { PeeringProps } from "./peering.js";
import type { PeeringAcceptanceProps } from "./peering-acceptance.js";
import type { RouteRuleProps } from "./route-rule.js";
import type { VpcSite } from "./vpc-site.js";

export const VPC_SITE_KEYS = {
  vpcId: typed("string", true),
  cloud: oneOf(CLOUDS, true),
  region: typed("string", true),
  account: typed("string", true),
  cidrs: typed("string[]", true),
  assignedIpv6Cidrs: typed("string[]"),
  mainRouteTableId: typed("string"),
  routeTableIds: typed("string[]"),
  name: typed("string"),
  provider: value,
} as const satisfies ShapeOf<VpcSite>;

const SITE = object(VPC_SITE_KEYS, true);

export const PEERING_KEYS = {
  cloud: oneOf(CLOUDS, true),
  vpc: SITE,
  peerVpc: SITE,
  name: typed("string"),
  // The same bandwidth and billing options as a DR link's.
  ...DR_LINK_OPTION_KEYS,
  description: typed("string"),
} as const satisfies ShapeOf<PeeringProps>;

export const EXISTING_PEERING_KEYS = {
  cloud: oneOf(CLOUDS, true),
  peeringId: typed("string", true),
  vpc: SITE,
  peerVpc: SITE,
  name: typed("string"),
} as const satisfies ShapeOf<ExistingPeeringProps>;

export const PEERING_ACCEPTANCE_KEYS = {
  cloud: oneOf(CLOUDS, true),
  peering: requiredValue,
  provider: value,
} as const satisfies ShapeOf<PeeringAcceptanceProps>;

export const ROUTE_RULE_KEYS = {
  cloud: oneOf(CLOUDS, true),
  vpc: SITE,
  peering: requiredValue,
  destination: typed("string", true),
  routeTableId: typed("string"),
  description: typed("string"),
  sourceAddress: typed("string"),
} as const satisfies ShapeOf<RouteRuleProps>;

export const BANDWIDTH_POLICY_KEYS = {
  cloud: oneOf(CLOUDS, true),
  peering: requiredValue,
  ip: typed("string", true),
  limitMbps: typed("number", true),
  vpc: object(VPC_SITE_KEYS),
  managedOutsideTerraform: typed("boolean"),
} as const satisfies ShapeOf<BandwidthPolicyProps>;

const ROUTING = object(DR_ROUTING_KEYS);

export const TWO_REGION_DR_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  primary: SITE,
  standby: SITE,
  name: typed("string"),
  bandwidthPolicies: listOf(DR_BANDWIDTH_LIMIT_KEYS),
  bandwidthPoliciesManagedOutsideTerraform: typed("boolean"),
  acceptance: typed("boolean"),
  routing: object({ primary: ROUTING, standby: ROUTING }),
  requesterOnly: typed("boolean"),
  existingPeeringId: typed("string"),
} as const satisfies ShapeOf<TwoRegionDrProps>;

export const TWO_REGIONS_THREE_CENTERS_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  production: SITE,
  backup: SITE,
  dr: SITE,
  name: typed("string"),
  acceptance: typed("boolean"),
  routing: object({ production: ROUTING, backup: ROUTING, dr: ROUTING }),
  externalPeerings: mapOf(DR_EXTERNAL_LINK_KEYS),
} as const satisfies ShapeOf<TwoRegionsThreeCentersProps>;

export const HUB_AND_SPOKE_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  hub: SITE,
  spokes: mapOf(VPC_SITE_KEYS, true),
  name: typed("string"),
  meshSpokes: typed("boolean"),
  routeSpokesThroughHub: typed("boolean"),
  acceptance: typed("boolean"),
  routing: object({ hub: ROUTING, spokes: mapOf(DR_ROUTING_KEYS) }),
  externalPeerings: mapOf(DR_EXTERNAL_LINK_KEYS),
} as const satisfies ShapeOf<HubAndSpokeProps>;

/**
 * Throws every INVALID_ARGUMENT of `construct`'s props at once (`[stack/path] INVALID_ARGUMENT Peering
 * "stack/path" has no argument bandwith ... Fix: Rename bandwith to bandwidthMbps. ...`).
 */
export function checkConstructArguments(
  construct: Construct,
  props: unknown,
  shape: ArgumentShape,
  kind: string,
): void {
  const problems = argumentProblems(props, shape, construct.node.path, kind);
  if (problems.length > 0) throw new TopologyValidationError(problems);
}
