/** `peerlink discover`'s reading side: connections, read-only sessions, the estate as a topology document. */
export * from "./connections.js";
export * from "./discover.js";
export * from "./pulumi-import.js";
export * from "./terraform-import.js";
