export * from "./build-plan.js";
export * from "./hub-and-spoke.js";
export * from "./two-region-dr.js";
export * from "./two-regions-three-centers.js";
