export * from "./provider.js";
export * from "./vpc-peering-connection.js";
export * from "./vpc-peering-connection-accepter.js";
export * from "./vpc-route.js";
export * from "./vpc-subnet.js";
