/**
 * Which peerings still count on the cloud: for pair uniqueness, per-VPC limits and CIDR rules. Every state but
 * REJECTED and DELETED. An EXPIRED request still holds its pair: the requester can re-enable it (seed 000
 * "启用过期同地域对等连接 | EnableVpcPeeringConnection"), so the local engine refuses a second peering beside it.
 * One rule for the engine (backend.ts isLivePeering), the audit's live view and the validators.
 */
import type { ObservedPeeringStatus, PeeringSpec } from "./topology-schema.js";

export function countsOnCloud(status: ObservedPeeringStatus): boolean {
  return status !== "REJECTED" && status !== "DELETED";
}

/** A declared peering (no `status`) is one that should be ACTIVE, so it counts. */
export function peeringCounts(spec: PeeringSpec): boolean {
  return spec.status === undefined || countsOnCloud(spec.status);
}
