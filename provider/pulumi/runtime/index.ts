/**
 * `peerlink/pulumi/runtime`: what the serialized dynamic providers load, by package name, inside their methods.
 * Not a public API: the resource classes in `peerlink/pulumi` are.
 */
export { bandwidthPolicy } from "./bandwidth-policy.js";
export { type Connection, closeCachedEngines, connectionSchema, openBackend } from "./connection.js";
export { peering } from "./peering.js";
export { peeringAcceptance } from "./peering-acceptance.js";
export { routeRule } from "./route-rule.js";
export { vpc } from "./vpc.js";
