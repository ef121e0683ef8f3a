/**
 * Each cloud's semantics in the engine, read from the rulebook (provider/core/rulebook): a Huawei VPC behaves as
 * Huawei documents, a Baidu VPC as Baidu does. Where the rulebook is open, the engine keeps what every cloud's API
 * implies and says so below.
 */
import {
  type Cloud,
  deletedPeeringsListed,
  documentedParty,
  type Party,
  type PeeringOperation,
  pendingExpiryDays,
} from "../../core/index.js";
import type { PeeringRow } from "./rows.js";

/**
 * Who may act where the rulebook is open: a request is answered by the account it was sent to and re-enabled by
 * the one that sent it (no cloud offers the reverse); deleting, resizing and renaming are left to either side.
 */
const WHEN_OPEN: Readonly<Record<PeeringOperation, Party>> = {
  accept: "accepter",
  reject: "accepter",
  enable: "requester",
  delete: "either",
  resize: "either",
  rename: "either",
};

export function partyFor(cloud: Cloud, operation: PeeringOperation): Party {
  return documentedParty(cloud, operation) ?? WHEN_OPEN[operation];
}

/** Whether `account` may do `operation` on `row` (a same-account peering's account is both sides). */
export function mayDo(row: PeeringRow, account: string, operation: PeeringOperation): boolean {
  const party = partyFor(row.cloud, operation);
  if (party === "either") return account === row.account || account === row.peer_account;
  return party === "requester" ? account === row.account : account === row.peer_account;
}

/** The account that may do `operation` on `row`, for the fix of a refusal ("either" names both). */
export function whoMay(row: PeeringRow, operation: PeeringOperation): string {
  const party = partyFor(row.cloud, operation);
  if (party === "requester") return `the requester account "${row.account}"`;
  if (party === "accepter") return `the accepter account "${row.peer_account}"`;
  return `account "${row.account}" or "${row.peer_account}"`;
}

/** Whether a deleted peering of `cloud` stays listed as DELETED (Tencent) or disappears at once (Huawei). */
export function keepsDeletedRecord(cloud: Cloud): boolean {
  return deletedPeeringsListed(cloud);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a request of `cloud` waits for the accepter; undefined where no source documents an expiry. */
export function pendingTtlMs(cloud: Cloud): number | undefined {
  const days = pendingExpiryDays(cloud);
  return days === undefined ? undefined : days * DAY_MS;
}
