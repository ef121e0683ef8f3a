/** DR planners: pure functions from plain sites to a topology fragment, shared by the CDKTF and Pulumi front ends. */
export * from "./describe-plan.js";
export * from "./external-links.js";
export * from "./external-peering.js";
export * from "./hub-and-spoke.js";
export * from "./routing-policy.js";
export * from "./site.js";
export * from "./two-region-dr.js";
export * from "./two-regions-three-centers.js";
