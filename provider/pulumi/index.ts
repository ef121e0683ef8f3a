/** `peerlink/pulumi`: the six resources, the DR components and the connection type. */
export { type BandwidthLimitArgs, BandwidthPolicy, type BandwidthPolicyArgs } from "./bandwidth-policy.js";
export * from "./components/index.js";
export { type ConnectionArgs, resolveConnection } from "./connection.js";
export { Peering, type PeeringArgs } from "./peering.js";
export { PeeringAcceptance, type PeeringAcceptanceArgs } from "./peering-acceptance.js";
export { RouteRule, type RouteRuleArgs } from "./route-rule.js";
export { Subnet, type SubnetArgs } from "./subnet.js";
export { Vpc, type VpcArgs } from "./vpc.js";
