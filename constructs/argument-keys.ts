/**
 * The keys each construct's props may have, for the UNKNOWN_ARGUMENT check every front end shares
 * (provider/core/argument-keys.ts). TypeScript refuses `bandwith: 200` in an object literal; JavaScript, a spread
 * config object or a cast do not, and the peering would be synthesized with the cloud's default bandwidth. A
 * construct checks its props when it is built, before it maps anything, and throws every unknown key at once,
 * as the DR planners' refusals do. Each shape is checked against its props interface at compile time.
 */
import type { Construct } from "constructs";
import { type ArgumentShape, type ShapeOf, unknownArguments } from "../provider/core/argument-keys.js";
import {
  DR_BANDWIDTH_LIMIT_KEYS,
  DR_EXTERNAL_LINK_KEYS,
  DR_LINK_OPTION_KEYS,
  DR_ROUTING_KEYS,
} from "../provider/core/dr/argument-shapes.js";
import { TopologyValidationError } from "../provider/core/errors.js";
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
  vpcId: true,
  cloud: true,
  region: true,
  account: true,
  cidrs: true,
  assignedIpv6Cidrs: true,
  mainRouteTableId: true,
  routeTableIds: true,
  name: true,
  provider: true,
} as const satisfies ShapeOf<VpcSite>;

export const PEERING_KEYS = {
  cloud: true,
  vpc: VPC_SITE_KEYS,
  peerVpc: VPC_SITE_KEYS,
  name: true,
  bandwidthMbps: true,
  chargeType: true,
  serviceLevel: true,
  description: true,
} as const satisfies ShapeOf<PeeringProps>;

export const EXISTING_PEERING_KEYS = {
  cloud: true,
  peeringId: true,
  vpc: VPC_SITE_KEYS,
  peerVpc: VPC_SITE_KEYS,
  name: true,
} as const satisfies ShapeOf<ExistingPeeringProps>;

export const PEERING_ACCEPTANCE_KEYS = {
  cloud: true,
  peering: true,
  provider: true,
} as const satisfies ShapeOf<PeeringAcceptanceProps>;

export const ROUTE_RULE_KEYS = {
  cloud: true,
  vpc: VPC_SITE_KEYS,
  peering: true,
  destination: true,
  routeTableId: true,
  description: true,
  sourceAddress: true,
} as const satisfies ShapeOf<RouteRuleProps>;

export const BANDWIDTH_POLICY_KEYS = {
  cloud: true,
  peering: true,
  ip: true,
  limitMbps: true,
  vpc: VPC_SITE_KEYS,
  managedOutsideTerraform: true,
} as const satisfies ShapeOf<BandwidthPolicyProps>;

export const TWO_REGION_DR_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  primary: VPC_SITE_KEYS,
  standby: VPC_SITE_KEYS,
  name: true,
  bandwidthPolicies: { items: DR_BANDWIDTH_LIMIT_KEYS },
  bandwidthPoliciesManagedOutsideTerraform: true,
  acceptance: true,
  routing: { primary: DR_ROUTING_KEYS, standby: DR_ROUTING_KEYS },
  requesterOnly: true,
  existingPeeringId: true,
} as const satisfies ShapeOf<TwoRegionDrProps>;

export const TWO_REGIONS_THREE_CENTERS_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  production: VPC_SITE_KEYS,
  backup: VPC_SITE_KEYS,
  dr: VPC_SITE_KEYS,
  name: true,
  acceptance: true,
  routing: { production: DR_ROUTING_KEYS, backup: DR_ROUTING_KEYS, dr: DR_ROUTING_KEYS },
  externalPeerings: { values: DR_EXTERNAL_LINK_KEYS },
} as const satisfies ShapeOf<TwoRegionsThreeCentersProps>;

export const HUB_AND_SPOKE_KEYS = {
  ...DR_LINK_OPTION_KEYS,
  hub: VPC_SITE_KEYS,
  spokes: { values: VPC_SITE_KEYS },
  name: true,
  meshSpokes: true,
  routeSpokesThroughHub: true,
  acceptance: true,
  routing: { hub: DR_ROUTING_KEYS, spokes: { values: DR_ROUTING_KEYS } },
  externalPeerings: { values: DR_EXTERNAL_LINK_KEYS },
} as const satisfies ShapeOf<HubAndSpokeProps>;

/**
 * Throws every UNKNOWN_ARGUMENT of `construct`'s props at once (`[stack/path] UNKNOWN_ARGUMENT Peering
 * "stack/path" has no argument bandwith ... Fix: Rename bandwith to bandwidthMbps. ...`).
 */
export function checkConstructArguments(
  construct: Construct,
  props: unknown,
  shape: ArgumentShape,
  kind: string,
): void {
  const unknown = unknownArguments(props, shape, construct.node.path, kind);
  if (unknown.length > 0) throw new TopologyValidationError(unknown);
}
