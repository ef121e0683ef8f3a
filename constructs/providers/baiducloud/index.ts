export * from "./peer-conn.js";
export * from "./peer-conn-acceptor.js";
export * from "./provider.js";
export * from "./route-rule.js";
