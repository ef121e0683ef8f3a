/** The audit of a discovered estate (`peerlink audit`): findings, and drift against a declared topology. */
export { driftBetween } from "./drift.js";
export { type AuditOptions, auditTopology } from "./findings.js";
export { countsOnCloud, type LiveView, liveView, statusOf } from "./live-view.js";
