/**
 * peerlink core: pure functions, no I/O. The topology model, the plan-time validators, reachability, cost and
 * graph rendering, shared by the CLI, the Pulumi resources and the CDKTF constructs.
 */
export * from "./audit/index.js";
export * from "./change/index.js";
export * from "./cidr.js";
export { closestName } from "./closest-name.js";
export * from "./cloud-rules.js";
export * from "./cost/index.js";
export * from "./diagnostics.js";
export * from "./dr/index.js";
export * from "./errors.js";
export * from "./graph/index.js";
export * from "./incomplete-topology.js";
export * from "./load-document.js";
export * from "./peering-candidate.js";
export * from "./reachability.js";
export * from "./resource-ref.js";
export * from "./rulebook/index.js";
export { issueLine, issueLines, meantKey, schemaKeysAt } from "./schema-keys.js";
export * from "./subnet-rules.js";
export * from "./topology.js";
export * from "./topology-schema.js";
export * from "./validate.js";
export { isLimitMbps } from "./validators/bandwidth-policy.js";
export { RULES, type Rule } from "./validators/index.js";
