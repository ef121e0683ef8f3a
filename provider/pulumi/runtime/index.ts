/**
 * `peerlink/pulumi/runtime`: what the serialized dynamic providers load, by package name, inside their methods.
 * Not a public API: the resource classes in `peerlink/pulumi` are.
 */
import { bandwidthPolicy as bandwidthPolicyImpl } from "./bandwidth-policy.js";
import { forEngine } from "./inputs.js";
import { peering as peeringImpl } from "./peering.js";
import { peeringAcceptance as peeringAcceptanceImpl } from "./peering-acceptance.js";
import { routeRule as routeRuleImpl } from "./route-rule.js";
import { subnet as subnetImpl } from "./subnet.js";
import { vpc as vpcImpl } from "./vpc.js";

export { type Connection, closeCachedEngines, connectionSchema, openBackend } from "./connection.js";
export { UNKNOWN } from "./inputs.js";

export const bandwidthPolicy = forEngine(bandwidthPolicyImpl);
export const peering = forEngine(peeringImpl);
export const peeringAcceptance = forEngine(peeringAcceptanceImpl);
export const routeRule = forEngine(routeRuleImpl);
export const subnet = forEngine(subnetImpl);
export const vpc = forEngine(vpcImpl);
