/**
 * The peering state machine as an explicit table (the moto design): every operation lists the states it may
 * start from and the state it leads to. Anything not in the table is a state-change error
 * (UnsupportedOperation.VpcPeerInvalidStateChange). Sources: seed 000 (7-day expiry, either side deletes,
 * re-enable of expired peerings), seed 002 (PENDING_ACCEPTANCE / REJECTED / EXPIRED / DELETED / ACTIVE), seed 004
 * (same tenant ACTIVE at once, cross tenant waits for acceptance).
 */
import { ACCEPTED_STATUS, type PeeringStatus } from "../backend.js";

export type PeeringAction = "accept" | "reject" | "enable" | "modify" | "delete";

export const TRANSITIONS: Readonly<Record<PeeringAction, Partial<Record<PeeringStatus, PeeringStatus>>>> = {
  accept: { PENDING: ACCEPTED_STATUS },
  reject: { PENDING: "REJECTED" },
  enable: { EXPIRED: "PENDING" },
  // Name, bandwidth, charge type and tags change on live peerings; the state stays.
  modify: { PENDING: "PENDING", ACTIVE: "ACTIVE" },
  // "Either side may delete at any time" (seed 000), including a request still being set up.
  delete: {
    CREATING: "DELETED",
    PENDING: "DELETED",
    ACCEPTING: "DELETED",
    ACTIVE: "DELETED",
    REJECTED: "DELETED",
    EXPIRED: "DELETED",
  },
};

/** The state an operation leads to, or undefined when the table forbids it. */
export function transition(action: PeeringAction, from: PeeringStatus): PeeringStatus | undefined {
  return TRANSITIONS[action][from];
}

/** seeds 000 and 001: an unanswered request expires after 7 days. */
export const PENDING_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface StoredState {
  readonly status: PeeringStatus;
  readonly settleStatus: PeeringStatus | null;
  readonly settleAt: number | null;
  readonly expiresAt: number | null;
}

/**
 * The state as of `now`: a transient phase (CREATING, ACCEPTING) that has run its time has settled, and a
 * PENDING request past its expiry is EXPIRED. Writers store this before acting; readers compute it, so that reads
 * never need the write lock.
 */
export function effectiveStatus(state: StoredState, now: number): PeeringStatus {
  let status = state.status;
  if (state.settleAt !== null && state.settleStatus !== null && now >= state.settleAt)
    status = state.settleStatus;
  if (status === "PENDING" && state.expiresAt !== null && now >= state.expiresAt) status = "EXPIRED";
  return status;
}

/** Live peerings count towards limits, pair uniqueness and CIDR rules (the predicate lives beside PEERING_STATUSES). */
export { isLivePeering as isLive } from "../backend.js";
