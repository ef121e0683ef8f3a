import { checkBandwidth } from "./bandwidth.js";
import { checkBandwidthPolicy } from "./bandwidth-policy.js";
import { checkChargeType } from "./charge-type.js";
import { checkCidrOverlap } from "./cidr-overlap.js";
import { checkCrossCloudPeering } from "./cross-cloud-peering.js";
import { checkDuplicatePeering } from "./duplicate-peering.js";
import { checkIpv6PeeringRoute } from "./ipv6-route.js";
import { checkPeerCidrConflict } from "./peer-cidr-conflict.js";
import { checkPeeringLimit } from "./peering-limit.js";
import { checkPeeringName } from "./peering-name.js";
import { checkPeeringRegion } from "./peering-region.js";
import { checkPeeringUnused } from "./peering-unused.js";
import { checkReturnRoute } from "./return-route.js";
import { checkRouteConflict } from "./route-conflict.js";
import { checkRouteDestination } from "./route-destination.js";
import { checkRouteLimit } from "./route-limit.js";
import { checkRouteOnPeering } from "./route-on-peering.js";
import type { Rule } from "./rule.js";
import { checkSelfPeering } from "./self-peering.js";
import { checkSubnets } from "./subnet.js";
import { checkVpcBlocks } from "./vpc-block.js";

export type { Rule } from "./rule.js";

/** Every rule, in no particular order: the diagnostics are sorted afterwards. */
export const RULES: readonly Rule[] = [
  checkVpcBlocks,
  checkSubnets,
  checkSelfPeering,
  checkDuplicatePeering,
  checkCrossCloudPeering,
  checkPeeringRegion,
  checkCidrOverlap,
  checkPeerCidrConflict,
  checkPeeringLimit,
  checkBandwidth,
  checkChargeType,
  checkPeeringName,
  checkRouteOnPeering,
  checkIpv6PeeringRoute,
  checkRouteDestination,
  checkRouteConflict,
  checkRouteLimit,
  checkBandwidthPolicy,
  checkReturnRoute,
  checkPeeringUnused,
];
