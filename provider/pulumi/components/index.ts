/** The DR components: whole peering topologies in one declaration, validated before anything is created. */
export { type ChildSpecs, getChildSpecs } from "./child-specs.js";
export type { DrResourceOptions } from "./create-children.js";
export { HubAndSpoke, type HubAndSpokeArgs } from "./hub-and-spoke.js";
export {
  type DrCostSummary,
  type ReachabilityMatrix,
  reachabilityMatrix,
  summarizeCost,
} from "./plan-report.js";
export type { DrSiteArgs } from "./site.js";
export { TwoRegionDr, type TwoRegionDrArgs } from "./two-region-dr.js";
export {
  type ThreeCentersLink,
  type ThreeCentersRole,
  type ThreeCentersRouteArgs,
  TwoRegionsThreeCenters,
  type TwoRegionsThreeCentersArgs,
} from "./two-regions-three-centers.js";
