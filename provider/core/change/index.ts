export * from "./cost-change.js";
export * from "./diagnostic-changes.js";
export * from "./reachability-changes.js";
export * from "./resource-changes.js";
export * from "./topology-change.js";
