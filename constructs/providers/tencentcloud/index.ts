export * from "./provider.js";
export * from "./route-table-entry.js";
export * from "./vpc-peer-connect-accept-operation.js";
export * from "./vpc-peer-connect-manager.js";
